package dev.wharf.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server process, started through the guard script so that it dies with this JVM even when
 * the JVM is killed with SIGKILL. The pids of the tree go to a pid file in the service's state
 * directory too; the next start uses it to kill anything left behind.
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
   * Starts {@code command} under the guard, its output appended to {@code logFile}.
   */
  static ChildProcess start(Service service, Path guardScript, List<String> command, Map<String, String> env,
      Path workDir, Path logFile, Path pidFile, Duration grace) {
    List<String> full = new ArrayList<>();
    full.add("bash");
    full.add(guardScript.toString());
    full.add(Long.toString(Math.max(1, grace.toSeconds())));
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(env);
    try {
      Files.writeString(logFile, "---- wharf: starting " + service.displayName() + " at " + Instant.now() + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ChildProcess child = new ChildProcess(service, builder.start(), logFile, pidFile);
      child.recordPids();
      return child;
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
    if (!guard.isAlive()) {
      // The guard was killed outright: what ran under it is no longer its descendant, but the
      // pid file still knows it.
      killLeftover(pidFile, ProgressListener.NONE);
    }
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
   * Writes the pid and start time of every process in the tree to the pid file, so that a
   * later start can kill what a crashed JVM left behind (see {@link #killLeftover}).
   */
  void recordPids() {
    StringBuilder lines = new StringBuilder();
    for (ProcessHandle p : tree()) {
      p.info().startInstant().ifPresent(start -> lines.append(p.pid()).append(' ').append(start.toEpochMilli()).append('\n'));
    }
    try {
      Files.writeString(pidFile, lines.toString());
    } catch (IOException e) {
      // only the protection against a later SIGKILL is lost; say so in the log
      appendToLog("cannot write " + pidFile + ": " + e.getMessage());
    }
  }

  private void appendToLog(String line) {
    try {
      Files.writeString(logFile, "---- wharf: " + line + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // nowhere left to report it
    }
  }

  /**
   * Kills what a previous, crashed JVM left running, found by the pid file. A pid is trusted
   * only while its start time matches the recorded one, so a reused pid is never touched.
   */
  static void killLeftover(Path pidFile, ProgressListener progress) {
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      List<ProcessHandle> leftover = new ArrayList<>();
      for (String line : Files.readAllLines(pidFile)) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 2) {
          continue;
        }
        long pid = Long.parseLong(parts[0]);
        long started = Long.parseLong(parts[1]);
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().startInstant().map(i -> i.toEpochMilli() == started).orElse(false))
            .ifPresent(p -> {
              leftover.addAll(p.descendants().toList());
              leftover.add(p);
            });
      }
      if (!leftover.isEmpty()) {
        progress.message("stopping " + leftover.size() + " process(es) an earlier run left behind (pid file " + pidFile + ")");
        leftover.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : leftover) {
          try {
            p.onExit().get(15, TimeUnit.SECONDS);
          } catch (Exception ignored) {
            // killed forcibly below
          }
        }
        killAll(leftover);
      }
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
      List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
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
