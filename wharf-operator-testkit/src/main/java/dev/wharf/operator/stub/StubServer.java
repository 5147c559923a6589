package dev.wharf.operator.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Base of the HTTP stubs that stand in for services that cannot run here (OpenBao, Harbor).
 * Binds to 127.0.0.1 on a free port, records every request line, counts writes, and can play
 * "unavailable" (503 to everything) to test outages.
 */
public abstract class StubServer implements AutoCloseable {
  protected static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the stub saw it (no body: bodies may hold secrets). */
  public record Call(String method, String path, String query) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicLong writes = new AtomicLong();
  private volatile boolean unavailable;

  protected StubServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start stub server", e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, getClass().getSimpleName());
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::dispatch);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Call> calls() { return List.copyOf(calls); }
  public long writes() { return writes.get(); }
  public void setUnavailable(boolean unavailable) { this.unavailable = unavailable; }

  private void dispatch(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      calls.add(new Call(method, ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery()));
      if (!method.equals("GET") && !method.equals("HEAD")) {
        writes.incrementAndGet();
      }
      if (unavailable) {
        send(ex, 503, unavailableBody());
        return;
      }
      JsonNode body = null;
      byte[] raw = ex.getRequestBody().readAllBytes();
      if (raw.length > 0) {
        try {
          body = JSON.readTree(raw);
        } catch (IOException e) {
          send(ex, 400, errorBody("request body is not valid JSON"));
          return;
        }
      }
      handle(ex, method, ex.getRequestURI().getPath(), body);
    } catch (RuntimeException e) {
      send(ex, 500, errorBody("stub failure: " + e));
    }
  }

  protected abstract void handle(HttpExchange ex, String method, String path, JsonNode body) throws IOException;

  protected abstract Object unavailableBody();

  protected abstract Object errorBody(String message);

  protected static void send(HttpExchange ex, int status, Object body) throws IOException {
    if (body == null) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
