package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.core.AppRef;
import dev.wharf.core.DeletionPolicy;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revokes what a deleted App is recorded to hold (its OpenBao entry and status.provisioned, both
 * written by the operator) and, under deletionPolicy Delete, drops the recorded data. What is
 * not recorded is left alone whatever the spec says: an App that was refused, or whose spec
 * changed to names it never got, removes nothing that is not its own.
 */
final class AppCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(AppCleanup.class);

  private final List<CapabilityStep> capabilities;
  private final SecretsStep secrets;
  private final Backoff backoff;
  private final ReconcileMetrics metrics;
  private final FailureLog failures;

  AppCleanup(List<CapabilityStep> capabilities, SecretsStep secrets, Backoff backoff, ReconcileMetrics metrics,
             FailureLog failures) {
    this.capabilities = List.copyOf(capabilities);
    this.secrets = secrets;
    this.backoff = backoff;
    this.metrics = metrics;
    this.failures = failures;
  }

  DeleteControl cleanup(App app) {
    AppRef ref;
    try {
      ref = AppRef.of(app.getMetadata().getNamespace(), app.getMetadata().getName());
    } catch (RuntimeException e) {
      metrics.gone(app.getMetadata().getNamespace(), app.getMetadata().getName());
      return DeleteControl.defaultDelete(); // an invalid name was never provisioned
    }
    DeletionPolicy policy = app.getSpec() == null ? DeletionPolicy.RETAIN : app.getSpec().deletionPolicyOrDefault();
    try {
      AppRun run = new AppRun(app, ref, secrets.load(ref));
      for (CapabilityStep step : capabilities) {
        if (step.recorded(run)) {
          step.remove(run, policy);
        }
      }
      secrets.remove(run);
      backoff.reset(ref);
      metrics.gone(ref.namespace(), ref.name());
      LOG.info("{}: access revoked, data {}", ref, policy == DeletionPolicy.DELETE ? "deleted" : "kept");
      // The objects in the namespace go with the App through their owner references.
      return DeleteControl.defaultDelete();
    } catch (RuntimeException e) {
      failures.record(ref.toString(), "cleanup (will retry)", e);
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(backoff.next(ref).toMillis());
    }
  }
}
