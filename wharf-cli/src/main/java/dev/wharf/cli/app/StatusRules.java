package dev.wharf.cli.app;

import dev.wharf.api.App;
import dev.wharf.cli.app.StatusReport.Detail;
import dev.wharf.cli.app.StatusReport.Part;
import dev.wharf.cli.app.StatusReport.State;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** How each object's status reads as ready or not; no I/O. */
final class StatusRules {
  /** Flagger's phases in which the primary serves the last promoted version and nothing is in flight. */
  private static final Set<String> CANARY_SETTLED = Set.of("Initialized", "Succeeded");

  private StatusRules() {}

  /** Ready when the operator's Ready condition is True for the App's current generation. */
  static Part app(App app) {
    String name = app.getMetadata().getName();
    if (app.getStatus() == null || app.getStatus().getConditions() == null || app.getStatus().getConditions().isEmpty()) {
      return new Part("App", name, State.NOT_READY, "not reconciled yet: is the Wharf operator running?");
    }
    List<Detail> details = app.getStatus().getConditions().stream()
        .map(c -> new Detail(c.getType(), c.getStatus(), nullToEmpty(c.getReason()), nullToEmpty(c.getMessage())))
        .toList();
    Optional<Condition> ready = app.getStatus().condition("Ready");
    Long generation = app.getMetadata().getGeneration();
    boolean current = generation == null || Objects.equals(generation, app.getStatus().getObservedGeneration());
    if (!current) {
      return new Part("App", name, State.NOT_READY, "the operator has not seen the latest change yet (generation "
          + generation + ", observed " + app.getStatus().getObservedGeneration() + ")", details);
    }
    if (ready.isPresent() && "True".equals(ready.get().getStatus())) {
      return new Part("App", name, State.READY, "Ready", details);
    }
    String why = ready.map(c -> nullToEmpty(c.getReason()) + (c.getMessage() == null ? "" : ": " + c.getMessage()))
        .orElse("no Ready condition yet");
    return new Part("App", name, State.NOT_READY, why, details);
  }

  /** A Flux Kustomization: its Ready condition and the revision it last applied. */
  static Part kustomization(GenericKubernetesResource k) {
    String name = k.getMetadata().getName();
    Map<String, Object> status = map(k.getAdditionalProperties().get("status"));
    Optional<Map<String, Object>> ready = condition(status, "Ready");
    String revision = string(status.get("lastAppliedRevision"));
    String applied = revision.isEmpty() ? "nothing applied yet" : "revision " + revision + " applied";
    if (ready.isPresent() && "True".equals(ready.get().get("status"))) {
      return new Part("Kustomization", name, State.READY, applied);
    }
    String why = ready.map(c -> string(c.get("reason")) + ": " + string(c.get("message"))).orElse("not reconciled yet");
    return new Part("Kustomization", name, State.NOT_READY, why + " (" + applied + ")");
  }

  /** A Deployment's rollout, read as 'kubectl rollout status' reads it. */
  static Part deployment(Deployment d) {
    String name = d.getMetadata().getName();
    DeploymentStatus s = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    int wanted = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int updated = zero(s.getUpdatedReplicas());
    int available = zero(s.getAvailableReplicas());
    int total = zero(s.getReplicas());
    Long generation = d.getMetadata().getGeneration();
    if (generation != null && (s.getObservedGeneration() == null || s.getObservedGeneration() < generation)) {
      return new Part("Deployment", name, State.NOT_READY, "rollout not started yet");
    }
    Optional<String> stalled = s.getConditions() == null ? Optional.empty() : s.getConditions().stream()
        .filter(c -> "Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason()))
        .map(c -> "rollout stalled: " + c.getMessage()).findFirst();
    if (stalled.isPresent()) {
      return new Part("Deployment", name, State.NOT_READY, stalled.get());
    }
    if (updated < wanted) {
      return new Part("Deployment", name, State.NOT_READY, "rolling out: " + updated + " of " + wanted + " updated");
    }
    if (total > updated) {
      return new Part("Deployment", name, State.NOT_READY, "rolling out: " + (total - updated) + " old replica(s) terminating");
    }
    if (available < wanted) {
      return new Part("Deployment", name, State.NOT_READY, "rolling out: " + available + " of " + wanted + " available");
    }
    return new Part("Deployment", name, State.READY, available + "/" + wanted + " available");
  }

  /**
   * A Flagger Canary: settled (initialized or promoted) is ready; a failed analysis means
   * the primary still serves the last good version, and the new one was rolled back.
   */
  static Part canary(GenericKubernetesResource c) {
    String name = c.getMetadata().getName();
    Map<String, Object> status = map(c.getAdditionalProperties().get("status"));
    String phase = string(status.get("phase"));
    String message = condition(status, "Promoted").map(p -> string(p.get("message"))).orElse("");
    String revision = string(status.get("lastAppliedSpec"));
    List<Detail> details = new ArrayList<>();
    if (!revision.isEmpty()) {
      details.add(new Detail("lastAppliedSpec", "", "", revision));
    }
    if (CANARY_SETTLED.contains(phase)) {
      return new Part("Canary", name, State.READY, phase + (message.isEmpty() ? "" : ": " + message), details);
    }
    if ("Failed".equals(phase)) {
      return new Part("Canary", name, State.NOT_READY, "Failed: the analysis failed and the new version was rolled back;"
          + " the primary keeps serving the last good version" + (message.isEmpty() ? "" : " (" + message + ")")
          + ". Fix the app and push, or revert the change in git.", details);
    }
    return new Part("Canary", name, State.NOT_READY, (phase.isEmpty() ? "waiting for Flagger" : phase)
        + (status.get("canaryWeight") == null ? "" : ", canary weight " + status.get("canaryWeight") + "%")
        + (message.isEmpty() ? "" : ": " + message), details);
  }

  /** The ExternalSecret that makes Secret {@code <app>-platform}: ready when synced. */
  static Part platformSecret(GenericKubernetesResource es) {
    String name = es.getMetadata().getName();
    Map<String, Object> status = map(es.getAdditionalProperties().get("status"));
    Optional<Map<String, Object>> ready = condition(status, "Ready");
    String refreshed = string(status.get("refreshTime"));
    if (ready.isPresent() && "True".equals(ready.get().get("status"))) {
      return new Part("Secret", name, State.READY, "synced from OpenBao" + (refreshed.isEmpty() ? "" : " at " + refreshed));
    }
    String why = ready.map(c -> string(c.get("reason")) + ": " + string(c.get("message"))).orElse("not synced yet");
    return new Part("Secret", name, State.NOT_READY, why);
  }

  private static Optional<Map<String, Object>> condition(Map<String, Object> status, String type) {
    if (!(status.get("conditions") instanceof List<?> list)) {
      return Optional.empty();
    }
    return list.stream().map(StatusRules::map).filter(c -> type.equals(c.get("type"))).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String string(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static int zero(Integer i) {
    return i == null ? 0 : i;
  }
}
