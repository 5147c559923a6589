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
 * A process started through the guard script (see guard.sh), so that it dies with this JVM
 * even when the JVM is killed with SIGKILL: the servers of the local runtime and, beside them,
 * greeter under {@code wharf up}. Its output is appended to a log file; the pids of its tree go
 * to a pid file too, which a later start uses to kill anything left behind and {@link #stop}
 * uses when the guard itself was killed.
 */
public final class ChildProcess {

  private static final int LOG_LINES = 15;

  /**
   * What to run: {@code name} for messages ("Redis", "greeter"), the command and its extra
   * environment, its working directory (null: this JVM's), where its output and pids go, and
   * how long it has to stop after TERM before it is killed.
   */
  public record Launch(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile,
      Path pidFile, Duration grace) {}

  /** One look at whether the process is ready (a port answers, an HTTP check says UP). */
  public interface Probe {
    boolean ready() throws Exception;
  }

  private final Launch launch;
  private final Process guard;
  private final OutputStream lifeline;

  private ChildProcess(Launch launch, Process guard) {
    this.launch = launch;
    this.guard = guard;
    this.lifeline = guard.getOutputStream();
  }

  /** Starts the launch's command under {@code guardScript}, its output appended to its log file. */
  public static ChildProcess start(Path guardScript, Launch launch) {
    List<String> full = new ArrayList<>();
    full.add("bash");
    full.add(guardScript.toString());
    full.add(Long.toString(Math.max(1, launch.grace().toSeconds())));
    full.addAll(launch.command());
    ProcessBuilder builder = new ProcessBuilder(full)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()));
    if (launch.workDir() != null) {
      builder.directory(launch.workDir().toFile());
    }
    builder.environment().putAll(launch.env());
    try {
      Files.writeString(launch.logFile(), "---- wharf: starting " + launch.name() + " at " + Instant.now() + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ChildProcess child = new ChildProcess(launch, builder.start());
      child.recordPids();
      return child;
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot start " + launch.name() + " (" + launch.command().getFirst() + "): "
          + e.getMessage() + "; is bash installed and on PATH? Log: " + launch.logFile(), e);
    }
  }

  /**
   * Waits until {@code probe} says the process is ready, trying every {@code interval}; then
   * records the pids of its tree (the guard starts the command a moment after itself). Throws
   * {@link ExitedException} when the process ends first (a {@link PortClashException} when its
   * log says a port was taken) and {@link NotReadyException} when {@code timeout} passes, each
   * with the log's last lines.
   */
  public void awaitReady(Duration timeout, Duration interval, Probe probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (true) {
      if (!isAlive()) {
        throw ExitedException.of(launch.name(), exitCode(), launch.logFile(), tailLog(LOG_LINES));
      }
      try {
        if (probe.ready()) {
          recordPids();
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalRuntimeException("interrupted while waiting for " + launch.name(), e);
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new NotReadyException(launch.name() + " was not ready within " + timeout.toSeconds()
            + " s (last check: " + describe(last) + "). Read " + launch.logFile()
            + "; on a slow or busy machine raise the timeout. Its last lines:\n" + tailLog(LOG_LINES));
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalRuntimeException("interrupted while waiting for " + launch.name(), e);
      }
    }
  }

  /** The last failed check in words; some exceptions (a refused connection) carry no message. */
  static String describe(Exception last) {
    if (last == null) {
      return "not ready";
    }
    String message = last.getMessage();
    return message == null || message.isBlank() ? last.getClass().getSimpleName() : message;
  }

  public boolean isAlive() {
    return guard.isAlive();
  }

  /** The guard's exit status, which is the command's own (128 + signal when it was killed). */
  public int exitCode() {
    return guard.exitValue();
  }

  public Path logFile() {
    return launch.logFile();
  }

  /** The guard and everything under it: the processes {@link #stop} will end. */
  public List<ProcessHandle> tree() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(guard.toHandle());
    guard.toHandle().descendants().forEach(all::add);
    return all;
  }

  /** Stops the process within the grace period of its launch; see {@link #stop(Duration)}. */
  public void stop() {
    stop(launch.grace());
  }

  /**
   * Stops the process: closing the guard's stdin makes it send TERM and, after the grace
   * period, KILL; anything still alive after that is killed here. Safe to call more than once.
   */
  public void stop(Duration grace) {
    if (!guard.isAlive()) {
      // The guard was killed outright: what ran under it is no longer its descendant, but the
      // pid file still knows it.
      killLeftover(launch.pidFile(), ProgressListener.NONE);
    }
    List<ProcessHandle> tree = tree();
    dropLifeline();
    try {
      guard.waitFor(grace.toMillis() + 3000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    killAll(tree);
    try {
      Files.deleteIfExists(launch.pidFile());
    } catch (IOException ignored) {
      // a stale pid file is checked against the command line before anything is killed
    }
  }

  /**
   * Closes the guard's stdin, as this JVM's death would: the guard stops the process (TERM,
   * then KILL after the grace period). {@link #stop} does this and waits.
   */
  public void dropLifeline() {
    try {
      lifeline.close();
    } catch (IOException ignored) {
      // the guard is gone already
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
      Files.writeString(launch.pidFile(), lines.toString());
    } catch (IOException e) {
      // only the protection against a later SIGKILL is lost; say so in the log
      appendToLog("cannot write " + launch.pidFile() + ": " + e.getMessage());
    }
  }

  private void appendToLog(String line) {
    try {
      Files.writeString(launch.logFile(), "---- wharf: " + line + "\n", StandardCharsets.UTF_8,
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
  public String tailLog(int lines) {
    return tail(launch.logFile(), lines);
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
    return "ChildProcess[" + launch.name() + ", pid " + guard.pid() + "]";
  }
}
