package dev.wharf.operator.reconcile;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent pieces of one reconcile side by side on virtual threads: they wait on
 * servers, not on the CPU, so the reconcile takes as long as the slowest, not their sum.
 */
final class Parallel {
  private static final ExecutorService VIRTUAL_THREADS = Executors.newVirtualThreadPerTaskExecutor();

  private Parallel() {}

  /**
   * Starts every task, waits for all, then rethrows the first failure in task order.
   *
   * @param what what the tasks do, for the error, e.g. "applying objects of team-a/greeter"
   */
  static void runAll(List<Runnable> tasks, String what) {
    List<Future<?>> running = tasks.stream().<Future<?>>map(VIRTUAL_THREADS::submit).toList();
    for (Future<?> task : running) {
      try {
        task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + what, e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(what + " failed unexpectedly", e.getCause());
      }
    }
  }
}
