package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.AppStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kubernetes Events an App gets: one per change of state (created, rotated, refused,
 * stalled, recovered), none for a resync that changed nothing. Their notes come from the
 * conditions, which never carry a secret value.
 */
public final class AppEvents {
  /** One event: its type (Normal or Warning), reason (CamelCase, as kubectl shows it) and note. */
  public record Note(String type, String reason, String note) {}

  /** Where events go: the API server in the cluster, a list in unit tests. */
  public interface Sink {
    void emit(App app, Note note);
  }

  private AppEvents() {}

  /**
   * What changed between the status before and after a reconcile. {@code refusal}: the run
   * stopped on something that needs a change to the App (not on a server that may come back).
   */
  public static List<Note> transitions(AppStatus before, AppStatus after, boolean refusal) {
    List<Note> notes = new ArrayList<>();
    boolean wasReady = before != null && before.isTrue(AppStatus.READY);
    if (!wasReady && after.isTrue(AppStatus.READY)) {
      boolean failedBefore = before != null && before.getProvisioned() != null;
      notes.add(failedBefore
          ? new Note("Normal", "Recovered", "ready again after " + reason(before, AppStatus.READY).orElse("a failure"))
          : new Note("Normal", "Created", "all enabled capabilities are ready"));
    }
    if (after.getRotation() != null && !after.getRotation().equals(before == null ? null : before.getRotation())) {
      notes.add(new Note("Normal", "Rotated", "every credential renewed for rotation \"" + after.getRotation() + "\""));
    }
    Optional<Condition> stalled = after.condition(AppStatus.STALLED).filter(c -> "True".equals(c.getStatus()));
    Optional<Condition> stalledBefore = before == null ? Optional.empty()
        : before.condition(AppStatus.STALLED).filter(c -> "True".equals(c.getStatus()));
    if (stalled.isPresent() && (stalledBefore.isEmpty()
        || !Objects.equals(stalledBefore.get().getMessage(), stalled.get().getMessage()))) {
      notes.add(new Note("Warning", refusal ? "Refused" : "Stalled", stalled.get().getMessage()));
    }
    return notes;
  }

  /** One Renewed event per capability whose credential was renewed because the stored one no longer worked. */
  public static List<Note> renewals(List<String> conditions) {
    return conditions.stream().map(c -> new Note("Normal", "Renewed", c
        + ": the stored credential no longer worked; a new one is stored in OpenBao (restart the pods to use it)"))
        .toList();
  }

  private static Optional<String> reason(AppStatus status, String type) {
    return status.condition(type).filter(c -> "False".equals(c.getStatus())).map(Condition::getReason);
  }
}
