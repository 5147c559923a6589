package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.AppStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects what each step reports into the App's status conditions. */
final class Progress {
  private final AppStatus status;
  private final Long generation;
  private final Instant now;
  private final List<String> failed = new ArrayList<>();
  private StepFailure firstFailure;
  private String firstFailedCondition;

  Progress(App app, AppStatus status, Instant now) {
    this.status = status;
    this.generation = app.getMetadata().getGeneration();
    this.now = now;
  }

  void ok(String condition, String reason, String message) {
    status.setCondition(condition, true, reason, message, generation, now);
  }

  void failed(String condition, StepFailure failure) {
    status.setCondition(condition, false, failure.reason(), failure.message(), generation, now);
    failed.add(condition);
    if (firstFailure == null) {
      firstFailure = failure;
      firstFailedCondition = condition;
    }
  }

  /** The spec itself is refused: only Ready reports it. */
  void refused(StepFailure failure) {
    failed.add(AppStatus.READY);
    if (firstFailure == null) {
      firstFailure = failure;
    }
  }

  boolean ok() {
    return failed.isEmpty();
  }

  boolean failed(String condition) {
    return failed.contains(condition);
  }

  /** Retry soon only when some failure may go away by itself (a server coming back). */
  boolean retryable() {
    return firstFailure != null && firstFailure.retryable();
  }

  void finish() {
    if (ok()) {
      status.setCondition(AppStatus.READY, true, "Ready", "all enabled capabilities are ready", generation, now);
    } else {
      status.setCondition(AppStatus.READY, false, firstFailure.reason(),
          (firstFailedCondition == null ? "" : firstFailedCondition + ": ") + firstFailure.message(), generation, now);
    }
    status.setObservedGeneration(generation);
  }

  AppStatus status() {
    return status;
  }
}
