package dev.wharf.operator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 reverse proxy that counts the requests passing through it: put in front
 * of a real server (Keycloak), it counts every request a client sends, token requests
 * included, without touching the client. Bodies and headers pass unchanged (the Host header
 * is the target's, so the server sees the address it knows itself by).
 */
public final class CountingProxy implements AutoCloseable {
  /** Headers the JDK client sets itself, or that belong to one hop only. */
  private static final Set<String> HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "expect",
      "upgrade", "keep-alive", "date");

  private final URI target;
  private final HttpServer server;
  private final ExecutorService threads;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicLong requests = new AtomicLong();

  public CountingProxy(URI target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "counting-proxy");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", this::forward);
    server.start();
  }

  /** The proxy's own address, to give the client instead of the target's. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests forwarded since start. */
  public long requests() {
    return requests.get();
  }

  private void forward(HttpExchange ex) throws IOException {
    try (ex) {
      requests.incrementAndGet();
      byte[] body = ex.getRequestBody().readAllBytes();
      var request = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().toString())).timeout(Duration.ofSeconds(60))
          .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      ex.getRequestHeaders().forEach((name, values) -> {
        if (!HOP.contains(name.toLowerCase())) {
          values.forEach(v -> request.header(name, v));
        }
      });
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        ex.sendResponseHeaders(502, -1);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ex.sendResponseHeaders(502, -1);
        return;
      }
      response.headers().map().forEach((name, values) -> {
        if (!HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
          ex.getResponseHeaders().put(name, values);
        }
      });
      byte[] answer = response.body();
      ex.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        ex.getResponseBody().write(answer);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    http.close();
  }
}
