package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.AppStatus;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a reconcile as others see it: the status (written only when it changed) and the
 * events of what changed. A resync that changes nothing writes neither.
 */
final class StatusReport {
  private static final Logger LOG = LoggerFactory.getLogger(StatusReport.class);

  private final Duration stallAfter;
  private final AppEvents.Sink events;
  private final ReconcileMetrics metrics;

  /** @param stallAfter how long a failure that may pass by itself is retried before the App is Stalled */
  StatusReport(Duration stallAfter, AppEvents.Sink events, ReconcileMetrics metrics) {
    this.stallAfter = stallAfter;
    this.events = events;
    this.metrics = metrics;
  }

  /** The status as it was when the reconcile started, to compare with at the end. */
  static AppStatus snapshot(App app) {
    return app.getStatus() == null ? null : Serialization.clone(app.getStatus());
  }

  /**
   * A new generation is taken up: Reconciling is written at once, so that kstatus (Flux's
   * health checks) sees the work in progress rather than the last generation's result.
   */
  void started(App app, Progress progress, Context<App> context) {
    if (progress.newGeneration()) {
      progress.started();
      App written = StatusWrite.write(app, progress.status(), context);
      // The status write at the end starts from this version, so that JOSDK's cache takes its answer.
      app.getMetadata().setResourceVersion(written.getMetadata().getResourceVersion());
    }
  }

  void finish(App app, AppStatus before, Progress progress, Context<App> context) {
    progress.finish(stallAfter);
    AppStatus status = progress.status();
    metrics.ready(app.getMetadata().getNamespace(), app.getMetadata().getName(), status.isTrue(AppStatus.READY));
    List<AppEvents.Note> notes = new ArrayList<>();
    if (!Objects.equals(json(before), json(status))) {
      LOG.info("{}/{}: Ready={} ({})", app.getMetadata().getNamespace(), app.getMetadata().getName(),
          status.isTrue(AppStatus.READY), status.condition(AppStatus.READY).map(c -> c.getReason()).orElse(""));
      StatusWrite.write(app, status, context);
      notes.addAll(AppEvents.transitions(before, status, progress.refusal()));
    }
    notes.addAll(AppEvents.renewals(progress.renewed()));
    notes.forEach(note -> events.emit(app, note));
  }

  private static String json(AppStatus status) {
    return status == null ? null : Serialization.asJson(status);
  }
}
