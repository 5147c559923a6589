package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.AppStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what each step reports into the App's status conditions. Steps may report from
 * several threads; the outcome does not depend on their timing (conditions are kept in a
 * fixed order and Ready names the first failure in that order).
 */
final class Progress {
  /** Conditions in the order they are shown; the spec check reports through Ready. */
  static final List<String> ORDER = List.of(AppStatus.READY, AppStatus.MYSQL_READY, AppStatus.REDIS_READY,
      AppStatus.OIDC_READY, AppStatus.REGISTRY_READY, AppStatus.SECRETS_READY);

  private final AppStatus status;
  private final Long generation;
  private final Instant now;
  private final Map<String, StepFailure> failures = new LinkedHashMap<>();

  Progress(App app, AppStatus status, Instant now) {
    this.status = status;
    this.generation = app.getMetadata().getGeneration();
    this.now = now;
  }

  /** A success does not undo a failure of the same condition reported earlier in this run. */
  synchronized void ok(String condition, String reason, String message) {
    if (!failures.containsKey(condition)) {
      status.setCondition(condition, true, reason, message, generation, now);
    }
  }

  synchronized void failed(String condition, StepFailure failure) {
    status.setCondition(condition, false, failure.reason(), failure.message(), generation, now);
    failures.putIfAbsent(condition, failure);
  }

  /** The spec itself is refused: only Ready reports it. */
  synchronized void refused(StepFailure failure) {
    failures.putIfAbsent(AppStatus.READY, failure);
  }

  synchronized boolean ok() {
    return failures.isEmpty();
  }

  synchronized boolean failed(String condition) {
    return failures.containsKey(condition);
  }

  /** Retry soon only when the failure may go away by itself (a server coming back). */
  synchronized boolean retryable() {
    return first().map(e -> e.getValue().retryable()).orElse(false);
  }

  synchronized void finish() {
    var first = first();
    if (first.isEmpty()) {
      status.setCondition(AppStatus.READY, true, "Ready", "all enabled capabilities are ready", generation, now);
    } else {
      String where = first.get().getKey().equals(AppStatus.READY) ? "" : first.get().getKey() + ": ";
      StepFailure f = first.get().getValue();
      status.setCondition(AppStatus.READY, false, f.reason(), where + f.message(), generation, now);
    }
    status.getConditions().sort(Comparator.comparingInt(c -> ORDER.indexOf(c.getType())));
    status.setObservedGeneration(generation);
  }

  private java.util.Optional<Map.Entry<String, StepFailure>> first() {
    return failures.entrySet().stream().min(Comparator.comparingInt(e -> ORDER.indexOf(e.getKey())));
  }

  AppStatus status() {
    return status;
  }
}
