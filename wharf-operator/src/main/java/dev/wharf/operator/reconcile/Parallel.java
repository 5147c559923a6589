package dev.wharf.operator.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs independent pieces of one reconcile side by side on virtual threads: they wait on
 * servers, not on the CPU, so the reconcile takes as long as the slowest, not their sum.
 */
final class Parallel {
  private static final ExecutorService VIRTUAL_THREADS = Executors.newVirtualThreadPerTaskExecutor();

  private Parallel() {}

  /** Starts {@code task} beside the caller; {@link #join} waits for its result. */
  static <T> Future<T> start(Supplier<T> task) {
    return VIRTUAL_THREADS.submit(task::get);
  }

  /**
   * Starts every task, waits for all, and returns their results in task order; when any
   * failed, rethrows the first failure in task order.
   *
   * @param what what the tasks do, for the error, e.g. "applying objects of team-a/greeter"
   */
  static <T> List<T> all(List<Supplier<T>> tasks, String what) {
    List<Future<T>> running = tasks.stream().map(Parallel::start).toList();
    List<T> results = new ArrayList<>();
    RuntimeException first = null;
    for (Future<T> task : running) {
      try {
        results.add(join(task, what));
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
    return results;
  }

  /** Starts every task, waits for all, then rethrows the first failure in task order. */
  static void runAll(List<Runnable> tasks, String what) {
    all(tasks.stream().<Supplier<Void>>map(task -> () -> {
      task.run();
      return null;
    }).toList(), what);
  }

  /** The task's result once it is done; its failure, rethrown. */
  static <T> T join(Future<T> task, String what) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(what + " failed unexpectedly", e.getCause());
    }
  }
}
