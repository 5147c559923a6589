package dev.wharf.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Short-lived helper commands (database initialisation, Keycloak build, version checks). */
final class Commands {

  private Commands() {}

  /** Runs {@code command} to completion, its output appended to {@code log}; fails clearly. */
  static void run(String what, List<String> command, Map<String, String> env, Path workDir, Path log,
      Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(env);
    Process process = null;
    try {
      Files.writeString(log, "---- wharf: " + what + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        ChildProcess.killAll(process.toHandle().descendants().toList());
        process.destroyForcibly();
        throw new LocalRuntimeException(what + " did not finish within " + timeout.toSeconds() + " s. Read " + log
            + "; its last lines:\n" + ChildProcess.tail(log, 15));
      }
      if (process.exitValue() != 0) {
        throw new LocalRuntimeException(what + " failed (exit code " + process.exitValue() + "). Read " + log
            + errors(log) + "; its last lines:\n" + ChildProcess.tail(log, 15));
      }
    } catch (IOException e) {
      throw new LocalRuntimeException(what + " could not run (" + command.getFirst() + "): " + e.getMessage()
          + ". Log: " + log, e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new LocalRuntimeException("interrupted during " + what, e);
    }
  }

  /**
   * The error lines this run wrote to {@code log} (after its "---- wharf:" marker), at most five:
   * tools such as mariadb-install-db end with pages of advice that push the cause out of the tail.
   */
  static String errors(Path log) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      int start = 0;
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).startsWith("---- wharf: ")) {
          start = i + 1;
        }
      }
      List<String> found = all.subList(start, all.size()).stream()
          .filter(l -> l.contains("[ERROR]") || l.startsWith("ERROR") || l.contains("FATAL"))
          .limit(5).toList();
      return found.isEmpty() ? "" : "; the errors in it:\n" + String.join("\n", found) + "\n";
    } catch (IOException e) {
      return "";
    }
  }

  /** The output of a quick command, or empty when it cannot run. */
  static Optional<String> output(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** An executable named {@code name} on PATH, if any. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
