package dev.wharf.bench.token;

import dev.wharf.login.Session;
import dev.wharf.login.TokenCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of {@code ./wharf token} with a fresh cached token, process start included: what
 * kubectl pays on every call. Usage: {@code bench/token [runs]} (default 30).
 * Last line: {@code token: N runs, p50 X ms, p95 Y ms}.
 */
public final class TokenBench {

  private static final String ISSUER = "https://keycloak.wharf.example.com/realms/wharf";
  private static final int WARMUP = 3;

  private TokenBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Path launcher = Path.of(System.getenv().getOrDefault("WHARF_REPO", "."), "wharf")
        .toAbsolutePath().normalize();
    Path configDir = Files.createTempDirectory("wharf-token-bench-");
    String idToken = CachedTokens.write(configDir, ISSUER);
    List<String> command = List.of(launcher.toString(), "token", "--issuer", ISSUER,
        "--config-dir", configDir.toString());

    // Builds the CLI when needed and records the JDK, as a developer's first ./wharf run does.
    System.err.println("token: preparing " + launcher + " (may build the CLI once)...");
    run(List.of(launcher.toString(), "--version"), null, 900);
    for (int i = 0; i < WARMUP; i++) {
      run(command, idToken, 60);
    }
    String loadBefore = loadAverage();
    long[] millis = new long[runs];
    for (int i = 0; i < runs; i++) {
      millis[i] = run(command, idToken, 60);
    }
    Arrays.sort(millis);
    System.err.println("token: all runs (ms, sorted): " + Arrays.toString(millis));
    // Wall times on a shared machine depend on what else runs; this says how busy it was.
    System.err.println("token: load average before " + loadBefore + ", after " + loadAverage()
        + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
    CachedTokens.delete(configDir);
    System.out.println("token: " + runs + " runs, p50 " + percentile(millis, 50) + " ms, p95 "
        + percentile(millis, 95) + " ms");
  }

  /** Runs the command, checks it printed the cached token, returns its wall time in ms. */
  private static long run(List<String> command, String expectedToken, int timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    long start = System.nanoTime();
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0 || (expectedToken != null && !text.contains(expectedToken))) {
      throw new IllegalStateException(String.join(" ", command) + " failed (exit "
          + p.exitValue() + "):\n" + text);
    }
    return elapsed;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int pct) {
    int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** A cache entry as 'wharf login' leaves it, valid for an hour. */
  static final class CachedTokens {
    private CachedTokens() {}

    static String write(Path configDir, String issuer) {
      long now = Instant.now().getEpochSecond();
      // The cached path never looks inside the token; a Keycloak-sized one keeps I/O realistic.
      String idToken = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9." + "Q".repeat(1100) + "." + "S".repeat(342);
      new TokenCache(configDir).write(new Session(issuer, "kubernetes", "bench", idToken, now,
          now + 3600, "bench-refresh-token", now + 1800));
      return idToken;
    }

    static void delete(Path dir) throws IOException {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
