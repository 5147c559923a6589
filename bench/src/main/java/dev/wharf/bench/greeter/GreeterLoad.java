package dev.wharf.bench.greeter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.bench.up.UpProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * greeter's cached read under load on loopback: 'wharf up' (warm, own state and free ports), a
 * real Keycloak token for dev-a, one greeting created, then a fixed number of authenticated
 * GET /api/greetings/{id} from a few concurrent clients; the first share is warm-up and not
 * measured. Bounded in count and time. Target: p99 <= 10 ms. Last line:
 * {@code greeter-load: N requests, p50 X ms, p99 Y ms}.
 *
 * <p>Arguments: [requests (default 20000)] [concurrency (default 4)].
 */
public final class GreeterLoad {
  private static final Duration LIMIT = Duration.ofMinutes(5);

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int warmup = Math.max(1000, requests / 5);
    // Warm state kept between runs, beside 'wharf up's: $WHARF_HOME, else <repo>/.wharf.
    Path home = Path.of(System.getenv().getOrDefault("WHARF_HOME",
        Path.of(System.getenv().getOrDefault("WHARF_REPO", "."), ".wharf").toString()))
        .resolve("bench-load");
    Files.createDirectories(home);
    try (UpProcess up = UpProcess.start(home, Duration.ofMinutes(10))) {
      Map<String, String> env = up.greeterEnv();
      String greeter = up.greeterUrl();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      String token = token(http, env, up.password("dev-a"));
      String url = greeter + "/api/greetings/" + create(http, greeter, token);

      run(url, token, warmup, concurrency);
      long[] nanos = run(url, token, requests, concurrency);
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "greeter-load: %d requests, p50 %.2f ms, p99 %.2f ms%n",
          nanos.length, percentile(nanos, 50), percentile(nanos, 99));
    }
  }

  /** {@code count} GETs from {@code concurrency} keep-alive clients; each one's latency in ns. */
  static long[] run(String url, String token, int count, int concurrency) throws Exception {
    long[] nanos = new long[count];
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + LIMIT.toNanos();
    try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        clients.add(pool.submit(() -> {
          try (KeepAliveClient client = new KeepAliveClient(URI.create(url), token)) {
            int i;
            while ((i = next.getAndIncrement()) < count) {
              if (System.nanoTime() > deadline) {
                throw new IllegalStateException("load run exceeded " + LIMIT.toMinutes() + " min");
              }
              long t = System.nanoTime();
              int status = client.get();
              nanos[i] = System.nanoTime() - t;
              if (status != 200) {
                throw new IllegalStateException("GET " + url + " answered " + status);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : clients) {
        f.get();
      }
    }
    return nanos;
  }

  static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }

  private static String token(HttpClient http, Map<String, String> env, String password)
      throws Exception {
    String form = "grant_type=password&username=dev-a&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(env.get("OIDC_CLIENT_ID"),
        StandardCharsets.UTF_8) + ":" + URLEncoder.encode(env.get("OIDC_CLIENT_SECRET"),
        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create(env.get("OIDC_ISSUER_URI") + "/protocol/openid-connect/token"))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Keycloak refused a token: HTTP " + r.statusCode());
    }
    return new ObjectMapper().readTree(r.body()).path("access_token").asText();
  }

  private static long create(HttpClient http, String greeter, String token) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(greeter + "/api/greetings"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("creating a greeting answered " + r.statusCode());
    }
    return new ObjectMapper().readTree(r.body()).path("id").asLong();
  }
}
