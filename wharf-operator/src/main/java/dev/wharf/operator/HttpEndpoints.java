package dev.wharf.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * /healthz (liveness: false asks the kubelet for a restart), /readyz (informers synced and
 * healthy) and /metrics (Prometheus text). Port 0 picks a free port.
 */
final class HttpEndpoints implements AutoCloseable {
  private final HttpServer server;

  HttpEndpoints(int port, BooleanSupplier live, BooleanSupplier ready, Supplier<String> metrics) throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/healthz", ex -> {
      boolean ok = live.getAsBoolean();
      reply(ex, ok ? 200 : 503, ok ? "ok\n" : "restart needed\n", "text/plain");
    });
    server.createContext("/readyz", ex -> {
      boolean ok = ready.getAsBoolean();
      reply(ex, ok ? 200 : 503, ok ? "ready\n" : "not ready\n", "text/plain");
    });
    server.createContext("/metrics", ex -> reply(ex, 200, metrics.get(), "text/plain; version=0.0.4"));
    server.start();
  }

  /** The port the endpoints listen on. */
  int port() {
    return server.getAddress().getPort();
  }

  private static void reply(HttpExchange ex, int status, String body, String type) throws IOException {
    try (ex) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
