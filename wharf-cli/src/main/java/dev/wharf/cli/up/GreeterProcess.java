package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * greeter running as a child process ({@code java -jar}) under wharf-local's guard script, its
 * output in a log file. The guard holds a pipe from this JVM and stops greeter when the pipe
 * closes, so greeter does not outlive a 'wharf up' that is killed outright.
 */
final class GreeterProcess implements AutoCloseable {
  /** Seconds greeter has for its graceful shutdown before the guard kills it. */
  static final int GRACE_SECONDS = 15;

  private final Process process;
  /** The guard's stdin; kept open (and reachable) for as long as greeter should run. */
  private final OutputStream lifeline;
  /** The tree seen once greeter was ready: greeter's JVM is still known if its guard dies. */
  private List<ProcessHandle> seen = List.of();
  private final int port;
  private final Path log;

  private GreeterProcess(Process process, int port, Path log) {
    this.process = process;
    this.lifeline = process.getOutputStream();
    this.port = port;
    this.log = log;
  }

  /** Starts greeter with exactly the env file's keys (plus the port) on top of this env. */
  static GreeterProcess start(Path guard, GreeterApp app, Map<String, String> env, int port,
      Path log) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // The shared archive is written when greeter first exits and used from then on; the
    // logging flags keep the JVM's notes about creating or refreshing it out of greeter's log.
    List<String> cmd = new ArrayList<>(List.of(guard.toString(), Integer.toString(GRACE_SECONDS),
        java.toString(),
        "-XX:+UseSerialGC",
        "-XX:SharedArchiveFile=" + app.sharedArchive(), "-XX:+AutoCreateSharedArchive",
        "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-jar", app.jar().toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    pb.environment().put("SERVER_PORT", Integer.toString(port));
    pb.environment().put("SERVER_ADDRESS", "127.0.0.1");
    try {
      return new GreeterProcess(pb.start(), port, log);
    } catch (IOException e) {
      throw new UserError("cannot start greeter (" + e.getMessage() + "); see " + log);
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The guard and greeter under it. */
  List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    process.toHandle().descendants().forEach(all::add);
    return all;
  }

  /** As if this JVM had died: closes the guard's pipe, and the guard stops greeter. */
  void dropLifeline() {
    try {
      lifeline.close();
    } catch (IOException e) {
      // closed already
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit status of the guard, which is greeter's own (128 + signal when killed). */
  int exitCode() {
    return process.exitValue();
  }

  /** Waits until greeter's readiness probe says UP; fails fast when the process exits. */
  void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new UserError("greeter exited with code " + process.exitValue()
            + " while starting; read " + log + lastLines());
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          seen = processes();
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserError("interrupted while waiting for greeter", 130);
      }
      sleep(250);
    }
    throw new UserError("greeter did not become ready within " + timeout.toSeconds()
        + " s; read " + log + lastLines() + "\n" + LocalPlatform.MORE_TIME);
  }

  private String lastLines() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "\n  " + String.join("\n  ",
          lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Stops greeter: SIGTERM (graceful shutdown), then kill when the grace period is over. */
  @Override
  public void close() {
    // Taken before the guard goes: killing the guard alone would orphan greeter.
    List<ProcessHandle> tree = new ArrayList<>(processes());
    tree.addAll(seen);
    if (!process.isAlive()) {
      // The guard is gone (killed outright?): end whatever it left behind.
      kill(tree);
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(GRACE_SECONDS + 3, TimeUnit.SECONDS)) {
        kill(tree);
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      kill(tree);
      Thread.currentThread().interrupt();
    }
  }

  private static void kill(List<ProcessHandle> tree) {
    tree.forEach(ProcessHandle::destroyForcibly);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while waiting for greeter", 130);
    }
  }
}
