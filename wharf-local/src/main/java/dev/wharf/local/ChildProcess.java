package dev.wharf.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server process, started through the guard script so that it dies with this JVM even when
 * the JVM is killed with SIGKILL. The guard writes the server's pid to a pid file in the
 * service's state directory; the next start uses it to kill a server left behind.
 */
final class ChildProcess {

  private final Service service;
  private final Process guard;
  private final OutputStream lifeline;
  private final Path logFile;
  private final Path pidFile;

  private ChildProcess(Service service, Process guard, Path logFile, Path pidFile) {
    this.service = service;
    this.guard = guard;
    this.lifeline = guard.getOutputStream();
    this.logFile = logFile;
    this.pidFile = pidFile;
  }

  /**
   * Starts {@code command} with its output appended to {@code logFile}. {@code marker} is a
   * string (the service's state directory) on the server's command line by which a later start
   * recognises it as ours.
   */
  static ChildProcess start(Service service, Path guardScript, List<String> command, Map<String, String> env,
      Path workDir, Path logFile, Path pidFile, Duration grace) {
    List<String> full = new ArrayList<>();
    full.add("bash");
    full.add(guardScript.toString());
    full.add(pidFile.toString());
    full.add(Long.toString(Math.max(1, grace.toSeconds())));
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(env);
    try {
      Files.writeString(logFile, "---- wharf: starting " + service.displayName() + " at " + Instant.now() + "\n",
          java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      return new ChildProcess(service, builder.start(), logFile, pidFile);
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot start " + service.displayName() + " (" + command.getFirst() + "): "
          + e.getMessage() + "; is bash installed and on PATH? Log: " + logFile, e);
    }
  }

  boolean isAlive() {
    return guard.isAlive();
  }

  int exitCode() {
    return guard.exitValue();
  }

  Path logFile() {
    return logFile;
  }

  /** The guard and everything under it: the processes {@link #stop} will end. */
  List<ProcessHandle> tree() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(guard.toHandle());
    guard.toHandle().descendants().forEach(all::add);
    return all;
  }

  /**
   * Stops the server: closing the guard's stdin makes it send TERM and, after the grace period,
   * KILL; anything still alive after that is killed here. Safe to call more than once.
   */
  void stop(Duration grace) {
    List<ProcessHandle> tree = tree();
    try {
      lifeline.close();
    } catch (IOException ignored) {
      // the guard is gone already
    }
    try {
      guard.waitFor(grace.toMillis() + 3000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    killAll(tree);
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // a stale pid file is checked against the command line before anything is killed
    }
  }

  static void killAll(List<ProcessHandle> processes) {
    for (ProcessHandle p : processes) {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    for (ProcessHandle p : processes) {
      try {
        p.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // reported by the caller's own checks if it matters
      }
    }
  }

  /**
   * Kills a server a previous, crashed JVM left behind, found by the pid file. The pid is only
   * trusted when that process's command line still contains {@code marker}.
   */
  static void killLeftover(Path pidFile, String marker, ProgressListener progress) {
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> {
        String commandLine = p.info().commandLine().orElse("");
        if (commandLine.contains(marker)) {
          progress.message("stopping a server left running by an earlier run (pid " + pid + ")");
          List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
          p.destroy();
          try {
            p.onExit().get(15, TimeUnit.SECONDS);
          } catch (Exception ignored) {
            // killed forcibly below
          }
          tree.add(p);
          killAll(tree);
        }
      });
      Files.deleteIfExists(pidFile);
    } catch (IOException | NumberFormatException e) {
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }

  /** The last {@code lines} lines of the log file, for error messages. */
  String tailLog(int lines) {
    return tail(logFile, lines);
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log " + file + " cannot be read: " + e.getMessage() + ")";
    }
  }

  @Override
  public String toString() {
    return "ChildProcess[" + service + ", pid " + guard.pid() + "]";
  }
}
