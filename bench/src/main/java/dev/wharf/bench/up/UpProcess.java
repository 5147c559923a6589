package dev.wharf.bench.up;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code wharf up} as a user runs it: its own JVM from wharf-cli's jar, its own state directory,
 * free ports. Measures the time until it prints that it is ready; stops it like 'wharf down'
 * (SIGTERM) and waits until everything it started has exited.
 */
public final class UpProcess implements AutoCloseable {
  private static final String READY = "wharf up: ready in ";
  private static final String SUMMARY_END = "Press Ctrl-C";

  private final Process process;
  private final Path home;
  /** What it printed up to the end of its summary. */
  private final List<String> output;
  private final Duration tookToReady;

  private UpProcess(Process process, Path home, List<String> output, Duration tookToReady) {
    this.process = process;
    this.home = home;
    this.output = output;
    this.tookToReady = tookToReady;
  }

  /** Starts 'wharf up' with WHARF_HOME={@code home} and waits (at most {@code timeout}) until ready. */
  public static UpProcess start(Path home, Duration timeout) throws IOException, InterruptedException {
    Path repo = Path.of(System.getenv().getOrDefault("WHARF_REPO", ".")).toAbsolutePath();
    Path jar = repo.resolve("wharf-cli/target/wharf.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with ./mvnw -pl wharf-cli -am package -DskipTests (or run ./wharf once)");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "up",
        "--mysql-port", "0", "--redis-port", "0", "--keycloak-port", "0", "--greeter-port", "0")
        .redirectErrorStream(true);
    pb.environment().put("WHARF_HOME", home.toString());
    pb.environment().put("WHARF_REPO", repo.toString());
    long begin = System.nanoTime();
    Process p = pb.start();
    List<String> output = new ArrayList<>();
    BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = begin + timeout.toNanos();
    Duration took = null;
    String line;
    while ((line = lines.readLine()) != null && System.nanoTime() < deadline) {
      output.add(line);
      System.err.println("  | " + line);
      if (line.startsWith(READY)) {
        took = Duration.ofNanos(System.nanoTime() - begin);
      }
      if (took != null && line.startsWith(SUMMARY_END)) {
        Thread.ofPlatform().daemon().name("wharf-up-output").start(() -> drain(lines));
        return new UpProcess(p, home, output, took);
      }
    }
    new UpProcess(p, home, output, null).close();
    throw new IllegalStateException("wharf up did not become ready within " + timeout.toSeconds()
        + " s; its output ends with: " + String.join(" / ", output.subList(Math.max(0, output.size() - 3), output.size())));
  }

  private static void drain(BufferedReader lines) {
    try {
      String line;
      while ((line = lines.readLine()) != null) {
        System.err.println("  | " + line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** greeter's base URL, from the summary table 'wharf up' prints. */
  public String greeterUrl() {
    for (String l : output) {
      String t = l.strip();
      if (t.startsWith("greeter ") && t.contains("/api/greetings")) {
        String url = t.split("\\s+")[1];
        return url.substring(0, url.indexOf("/api/greetings"));
      }
    }
    throw new IllegalStateException("no greeter row in the output of wharf up");
  }

  public Duration tookToReady() {
    return tookToReady;
  }

  public Path home() {
    return home;
  }

  /** greeter's env file as written by 'wharf up'. */
  public Map<String, String> greeterEnv() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String l : Files.readAllLines(home.resolve("greeter.env"))) {
      int eq = l.indexOf('=');
      if (eq > 0) {
        env.put(l.substring(0, eq), l.substring(eq + 1));
      }
    }
    return env;
  }

  public String password(String user) throws IOException {
    return Files.readString(home.resolve("users").resolve(user + ".password")).strip();
  }

  /** Stops 'wharf up' as 'wharf down' does and waits for it and its children to exit. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle child : tree) {
      child.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> child).join();
    }
  }
}
