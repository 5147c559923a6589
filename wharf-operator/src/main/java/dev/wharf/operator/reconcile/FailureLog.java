package dev.wharf.operator.reconcile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a failed step is counted and logged, for reconciles and cleanups alike. */
final class FailureLog {
  private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);

  private final ReconcileMetrics metrics;

  FailureLog(ReconcileMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * The failure for the status, logged; a bug is logged with where it happened. Refusals of
   * the App as written are the user's to fix and show in its status only.
   */
  StepFailure record(String app, String step, RuntimeException e) {
    StepFailure failure = StepFailure.of(e);
    metrics.failed(e, failure.reason());
    if (failure.unexpected()) {
      LOG.warn("{}: {} failed: {}{}", app, step, failure.message(), StepFailure.trace(e));
    } else if (!(e instanceof StepFailure.Refusal)) {
      LOG.warn("{}: {} failed: {}", app, step, failure.message());
    }
    return failure;
  }
}
