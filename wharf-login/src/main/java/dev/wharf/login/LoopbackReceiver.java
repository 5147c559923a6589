package dev.wharf.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback redirect target of the code flow (RFC 8252 section 7.3): listens on 127.0.0.1 on
 * a random port and hands over the first callback's query parameters.
 */
final class LoopbackReceiver implements AutoCloseable {

  private static final String PATH = "/callback";

  private final HttpServer server;
  private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();

  LoopbackReceiver() {
    try {
      // 127.0.0.1 exactly (not "the loopback address", which may be ::1): it is in the
      // redirect URI, and the client allows http://127.0.0.1/*.
      InetAddress ipv4Loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(ipv4Loopback, 0), 0);
    } catch (IOException e) {
      throw new LoginException(LoginException.Reason.PROTOCOL,
          "cannot listen on 127.0.0.1 for the sign-in redirect: " + e.getMessage()
              + ". Use --device instead.", e);
    }
    server.createContext(PATH, this::handle);
    server.start();
  }

  URI redirectUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /** Waits for the browser to come back; TIMED_OUT after {@code timeout}. */
  Map<String, String> await(Duration timeout) {
    try {
      return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new LoginException(LoginException.Reason.TIMED_OUT,
          "no sign-in within " + timeout.toMinutes() + " minutes. Run 'wharf login' again,"
              + " or use --device on a machine without a browser.");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoginException(LoginException.Reason.TIMED_OUT, "sign-in interrupted");
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
    boolean ok = query.containsKey("code") && !query.containsKey("error");
    String page = ok
        ? "<h1>Signed in to Wharf</h1><p>You can close this tab and return to the terminal.</p>"
        : "<h1>Wharf sign-in did not finish</h1><p>See the terminal for what to do.</p>";
    byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Wharf</title>"
        + "</head><body>" + page + "</body></html>").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    callback.complete(query);
  }

  static Map<String, String> parseQuery(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      params.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
