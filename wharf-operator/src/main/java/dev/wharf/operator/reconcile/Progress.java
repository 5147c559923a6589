package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.AppStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects what the steps did into the App's status conditions, on the reconcile's own thread
 * once the steps are done. Conditions are kept in a fixed order and Ready names the first
 * failure in that order. Reconciling and Stalled follow kstatus (what Flux's health checks
 * read): Reconciling while the operator is still working towards the spec, Stalled once it
 * cannot get further without a change, neither when the App is ready.
 */
final class Progress {
  /** Conditions in the order they are shown; the spec check reports through Ready. */
  static final List<String> ORDER = List.of(AppStatus.READY, AppStatus.RECONCILING, AppStatus.STALLED,
      AppStatus.MYSQL_READY, AppStatus.REDIS_READY, AppStatus.OIDC_READY, AppStatus.REGISTRY_READY,
      AppStatus.SECRETS_READY);

  private final AppStatus status;
  private final Long generation;
  private final Instant now;
  private final Map<String, StepFailure> failures = new LinkedHashMap<>();
  private final List<String> renewed = new java.util.ArrayList<>();

  Progress(App app, AppStatus status, Instant now) {
    this.status = status;
    this.generation = app.getMetadata().getGeneration();
    this.now = now;
  }

  /** True when the status does not describe this generation yet: the spec is new or changed. */
  boolean newGeneration() {
    return status.getObservedGeneration() == null || !status.getObservedGeneration().equals(generation);
  }

  /** The operator has taken up a new generation: kstatus shows InProgress until it is done. */
  void started() {
    status.setCondition(AppStatus.RECONCILING, true, Reason.PROVISIONING.value(),
        "provisioning generation " + generation, generation, now);
    status.removeCondition(AppStatus.STALLED);
    sortAndObserve();
  }

  /** A success does not undo a failure of the same condition reported earlier in this run. */
  void ok(String condition, Reason reason, String message) {
    if (!failures.containsKey(condition)) {
      status.setCondition(condition, true, reason.value(), message, generation, now);
    }
  }

  void failed(String condition, StepFailure failure) {
    status.setCondition(condition, false, failure.reason().value(), failure.message(), generation, now);
    failures.putIfAbsent(condition, failure);
  }

  /** The capability reported by {@code condition} got a new credential (not asked for by a rotation). */
  void renewed(String condition) {
    renewed.add(condition);
  }

  List<String> renewed() {
    return List.copyOf(renewed);
  }

  /** The spec itself is refused: only Ready reports it. */
  void refused(StepFailure failure) {
    failures.putIfAbsent(AppStatus.READY, failure);
  }

  boolean ok() {
    return failures.isEmpty();
  }

  boolean failed(String condition) {
    return failures.containsKey(condition);
  }

  /** Retry soon only when the failure may go away by itself (a server coming back). */
  boolean retryable() {
    return first().map(e -> e.getValue().retryable()).orElse(false);
  }

  /**
   * Sets Ready, Reconciling and Stalled from the run's failures. A failure that needs a change
   * (a refused spec, a name taken) stalls at once; one that may pass by itself (a server down)
   * is Reconciling while retried, and Stalled once Ready has been False for {@code stallAfter}.
   */
  void finish(Duration stallAfter) {
    Optional<Condition> readyBefore = status.condition(AppStatus.READY);
    var first = first();
    if (first.isEmpty()) {
      status.setCondition(AppStatus.READY, true, Reason.READY.value(), "all enabled capabilities are ready", generation,
          now);
      status.removeCondition(AppStatus.RECONCILING);
      status.removeCondition(AppStatus.STALLED);
    } else {
      String where = first.get().getKey().equals(AppStatus.READY) ? "" : first.get().getKey() + ": ";
      StepFailure f = first.get().getValue();
      String message = where + f.message();
      status.setCondition(AppStatus.READY, false, f.reason().value(), message, generation, now);
      Instant failingSince = readyBefore.filter(c -> "False".equals(c.getStatus()))
          .flatMap(c -> since(c.getLastTransitionTime())).orElse(now);
      Duration failing = Duration.between(failingSince, now);
      if (!f.retryable() || failing.compareTo(stallAfter) >= 0) {
        status.setCondition(AppStatus.STALLED, true, f.reason().value(),
            f.retryable() ? "failing since " + failingSince + ", still retried: " + message : message,
            generation, now);
        status.removeCondition(AppStatus.RECONCILING);
      } else {
        status.setCondition(AppStatus.RECONCILING, true, f.reason().value(), "retrying: " + message, generation, now);
        status.removeCondition(AppStatus.STALLED);
      }
    }
    sortAndObserve();
  }

  /** A condition's lastTransitionTime; none when missing or not a time (written by someone else). */
  private static Optional<Instant> since(String time) {
    try {
      return Optional.ofNullable(time).map(Instant::parse);
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** True when this run stopped on something that needs a change rather than time. */
  boolean refusal() {
    return first().map(e -> !e.getValue().retryable()).orElse(false);
  }

  private void sortAndObserve() {
    status.getConditions().sort(Comparator.comparingInt(c -> ORDER.indexOf(c.getType())));
    status.setObservedGeneration(generation);
  }

  private Optional<Map.Entry<String, StepFailure>> first() {
    return failures.entrySet().stream().min(Comparator.comparingInt(e -> ORDER.indexOf(e.getKey())));
  }

  AppStatus status() {
    return status;
  }
}
