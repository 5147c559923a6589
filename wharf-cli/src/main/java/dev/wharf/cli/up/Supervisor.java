package dev.wharf.cli.up;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Watches what 'wharf up' started. When a server or greeter exits without being asked to, it
 * says which, with its exit status and the log to read, and starts it again after a short
 * pause. One that keeps exiting, or does not come back, stops everything: {@code fail} gets the
 * exit code for the command.
 */
final class Supervisor {
  /** Ctrl-C reaches every process of the terminal: those exits are the user stopping us. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(250);

  /** One process under watch. */
  interface Watched {
    String name();

    /** Its exit status once it has ended unexpectedly; empty while it runs. */
    OptionalInt exitStatus();

    Path log();

    /** Starts it again and waits until it is ready; throws when it does not come back. */
    void restart();
  }

  /** A process under watch: its exit status once it ended, its log, and how to start it again. */
  static Watched watch(String name, Supplier<OptionalInt> exitStatus, Path log, Runnable restart) {
    record Process(String name, Supplier<OptionalInt> status, Path log, Runnable restarter) implements Watched {
      @Override public OptionalInt exitStatus() { return status.get(); }
      @Override public void restart() { restarter.run(); }
    }
    return new Process(name, exitStatus, log, restart);
  }

  private final Supplier<List<Watched>> watched;
  private final BooleanSupplier stopping;
  private final IntConsumer fail;
  private final PrintWriter out;
  private final RestartBudget budget;
  private final Thread thread;
  private volatile boolean done;

  Supervisor(Supplier<List<Watched>> watched, BooleanSupplier stopping, IntConsumer fail, PrintWriter out,
      RestartBudget budget) {
    this.watched = watched;
    this.stopping = stopping;
    this.fail = fail;
    this.out = out;
    this.budget = budget;
    this.thread = Thread.ofPlatform().name("wharf-supervisor").daemon().unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  void stop() {
    done = true;
    if (Thread.currentThread() != thread) {
      thread.interrupt();
    }
  }

  private void run() {
    try {
      while (!done && !stopping.getAsBoolean()) {
        for (Watched w : watched.get()) {
          OptionalInt status = w.exitStatus();
          if (status.isPresent() && !handle(w, status.getAsInt())) {
            return;
          }
        }
        Thread.sleep(POLL);
      }
    } catch (InterruptedException e) {
      // stopped
    }
  }

  /** False when supervision ends (stopping, or everything stopped because of this one). */
  private boolean handle(Watched w, int status) throws InterruptedException {
    if (signalled(status) && userIsStopping()) {
      return false;
    }
    say("wharf: " + w.name() + " exited unexpectedly (" + describe(status) + "); its log: " + w.log());
    Optional<Duration> pause = budget.next(w.name(), Instant.now());
    if (pause.isEmpty()) {
      say("wharf: " + w.name() + " exited " + budget.max() + " times within " + budget.window().toMinutes()
          + " minutes; stopping everything. Read " + w.log() + " for why.");
      fail.accept(1);
      return false;
    }
    Thread.sleep(pause.get());
    if (done || stopping.getAsBoolean()) {
      return false;
    }
    say("wharf: restarting " + w.name() + "...");
    Timer timer = Timer.start();
    try {
      w.restart();
    } catch (RuntimeException e) {
      if (done || stopping.getAsBoolean()) {
        return false;
      }
      say("wharf: " + w.name() + " did not come back (" + e.getMessage() + "); stopping everything. Read "
          + w.log() + ".");
      fail.accept(1);
      return false;
    }
    say("wharf: " + w.name() + " is back (restarted in " + timer.elapsed() + ")");
    return true;
  }

  private boolean userIsStopping() throws InterruptedException {
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    while (System.nanoTime() < deadline) {
      if (done || stopping.getAsBoolean()) {
        return true;
      }
      Thread.sleep(POLL);
    }
    return false;
  }

  private static boolean signalled(int status) {
    return status == 130 || status == 143;
  }

  /** The exit status as a shell reports it: above 128 means killed by signal (status - 128). */
  static String describe(int status) {
    if (status <= 128) {
      return "exit status " + status;
    }
    int signal = status - 128;
    String name = switch (signal) {
      case 2 -> " (SIGINT)";
      case 6 -> " (SIGABRT)";
      case 9 -> " (SIGKILL)";
      case 11 -> " (SIGSEGV)";
      case 15 -> " (SIGTERM)";
      default -> "";
    };
    return "exit status " + status + ": killed by signal " + signal + name;
  }

  private void say(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
