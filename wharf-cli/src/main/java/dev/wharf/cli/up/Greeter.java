package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import dev.wharf.local.ChildProcess;
import dev.wharf.local.ExitedException;
import dev.wharf.local.LocalRuntimeException;
import dev.wharf.local.NotReadyException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * greeter as 'wharf up' runs it: its unpacked jar ({@link GreeterApp}) with the platform's env
 * keys, on 127.0.0.1, as a wharf-local {@link ChildProcess} under the same guard as the
 * servers, so it does not outlive a 'wharf up' that is killed outright. Ready once its
 * readiness probe says UP.
 */
final class Greeter implements AutoCloseable {
  /** greeter's graceful shutdown before the guard kills it. */
  static final Duration GRACE = Duration.ofSeconds(15);

  private final ChildProcess process;
  private final int port;

  private Greeter(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts greeter with exactly the env file's keys (plus its address) on top of this env. */
  static Greeter start(Path guard, GreeterApp app, Map<String, String> env, int port, Path log, Path pidFile) {
    Map<String, String> all = new HashMap<>(env);
    all.put("SERVER_PORT", Integer.toString(port));
    all.put("SERVER_ADDRESS", "127.0.0.1");
    try {
      return new Greeter(ChildProcess.start(guard,
          new ChildProcess.Launch("greeter", app.command(), all, null, log, pidFile, GRACE)), port);
    } catch (LocalRuntimeException e) {
      throw new UserError("cannot start greeter (" + e.getMessage() + "); see " + log);
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Waits until greeter's readiness probe says UP; fails fast when the process exits. */
  void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(2)).build();
    try {
      process.awaitReady(timeout, Duration.ofMillis(250),
          () -> http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    } catch (ExitedException e) {
      throw new UserError("greeter exited with code " + e.exitCode() + " while starting; read "
          + process.logFile() + lastLines());
    } catch (NotReadyException e) {
      throw new UserError("greeter did not become ready within " + timeout.toSeconds() + " s; read "
          + process.logFile() + lastLines() + "\n" + LocalPlatform.MORE_TIME);
    } catch (LocalRuntimeException e) {
      throw new UserError(e.getMessage(), 130); // interrupted
    }
  }

  private String lastLines() {
    return "\n  " + String.join("\n  ", process.tailLog(5).lines().toList());
  }

  /** The guard and greeter under it. */
  List<ProcessHandle> processes() {
    return process.tree();
  }

  /** As if this JVM had died: the guard stops greeter. */
  void dropLifeline() {
    process.dropLifeline();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** greeter's exit status (128 + signal when it was killed). */
  int exitCode() {
    return process.exitCode();
  }

  /** Stops greeter: TERM (graceful shutdown), then KILL when the grace period is over. */
  @Override
  public void close() {
    process.stop();
  }
}
