package dev.wharf.operator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.provisioning.ServiceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A small JSON-over-HTTP client on the JDK HttpClient. It counts the requests that change
 * state (anything but GET and HEAD), which is how the operator proves that a resync of an
 * unchanged App writes nothing. A failed request is a {@link ServiceException} that says
 * whether the service was unavailable (no answer, 5xx, 429) or refused it.
 */
public final class JsonHttp {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String service;
  private final URI base;
  private final Supplier<Map<String, String>> authHeaders;
  private final HttpClient http;
  private final AtomicLong writes = new AtomicLong();

  public JsonHttp(String service, URI base, Supplier<Map<String, String>> authHeaders) {
    this(service, base, authHeaders, null);
  }

  /** @param tls trust for the server's certificate; null for the JDK's default trust store */
  public JsonHttp(String service, URI base, Supplier<Map<String, String>> authHeaders, javax.net.ssl.SSLContext tls) {
    this.service = service;
    this.base = base;
    this.authHeaders = authHeaders;
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (tls != null) {
      b.sslContext(tls);
    }
    this.http = b.build();
  }

  /** The answer: status and parsed body (a missing node when the body is empty). */
  public record Response(int status, JsonNode body) {}

  public Response send(String method, String path, Object body, Set<Integer> expected, Map<String, String> headers) {
    HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .header("Accept", "application/json");
    authHeaders.get().forEach(req::setHeader);
    headers.forEach(req::setHeader); // a request of its own may sign in as someone else
    if (body == null) {
      req.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      req.header("Content-Type", "application/json");
      req.method(method, HttpRequest.BodyPublishers.ofByteArray(toJson(body)));
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      writes.incrementAndGet();
    }
    HttpResponse<byte[]> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw ServiceException.unavailable(service,
          service + " unreachable at " + base + " (" + method + " " + path + "): " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ServiceException.unavailable(service, service + " request interrupted", e);
    }
    int status = resp.statusCode();
    if (!expected.contains(status)) {
      throw ServiceException.answered(service, status, service + " answered " + status + " to " + method + " " + path);
    }
    return new Response(status, parse(resp.body()));
  }

  public Response send(String method, String path, Object body, Set<Integer> expected) {
    return send(method, path, body, expected, Map.of());
  }

  /** Requests that changed (or tried to change) state since this client was made. */
  public long writes() {
    return writes.get();
  }

  private byte[] toJson(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode request body for " + service, e);
    }
  }

  private JsonNode parse(byte[] bytes) {
    if (bytes.length == 0) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw ServiceException.rejected(service, service + " answered with a body that is not JSON", e);
    }
  }
}
