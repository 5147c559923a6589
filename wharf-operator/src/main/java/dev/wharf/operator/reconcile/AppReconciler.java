package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.AppStatus;
import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.DeletionPolicy;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles an App in named steps: validate spec, load stored secrets, mysql, redis, oidc,
 * registry and the namespace objects (these in parallel), store secrets (the OpenBao entry),
 * the ExternalSecrets, status. A failing capability sets its condition False and the others still run;
 * what succeeded is stored.
 * Generation-aware filtering is replaced by {@link MeaningfulChange} so that the rotate
 * annotation (which does not bump the generation) triggers a reconcile but status writes do not.
 */
@ControllerConfiguration(name = "app", generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = MeaningfulChange.class))
public class AppReconciler implements Reconciler<App>, Cleaner<App> {
  private static final Logger LOG = LoggerFactory.getLogger(AppReconciler.class);

  private final KubernetesClient client;
  private final SpecCheck specCheck;
  private final SecretsStep secrets;
  private final List<CapabilityStep> capabilities;
  private final KubeObjectsStep kubeObjects;
  private final Duration resync;
  private final Backoff backoff;
  private final Clock clock;
  private final AtomicLong reconciles = new AtomicLong();

  public AppReconciler(KubernetesClient client, SpecCheck specCheck, List<CapabilityStep> capabilities,
                       SecretsStep secrets, KubeObjectsStep kubeObjects, Duration resync, Backoff backoff, Clock clock) {
    this.client = client;
    this.specCheck = specCheck;
    this.capabilities = List.copyOf(capabilities);
    this.secrets = secrets;
    this.kubeObjects = kubeObjects;
    this.resync = resync;
    this.backoff = backoff;
    this.clock = clock;
  }

  @Override
  public UpdateControl<App> reconcile(App app, Context<App> context) {
    try {
      return reconcileSteps(app, context);
    } finally {
      reconciles.incrementAndGet();
    }
  }

  /** Reconciliations finished since start (for /metrics and tests). */
  public long reconciles() {
    return reconciles.get();
  }

  private UpdateControl<App> reconcileSteps(App app, Context<App> context) {
    AppStatus before = copy(app.getStatus());
    AppStatus status = app.getStatus() == null ? new AppStatus() : app.getStatus();
    app.setStatus(status);
    Progress progress = new Progress(app, status, clock.instant());

    AppRun run = validateSpec(app, context, progress);
    if (run != null && loadStoredSecrets(run, progress)) {
      Parallel.runAll(List.of(() -> provisionCapabilities(run, progress), () -> applyNamespaceObjects(run, progress)),
          "reconciling " + run.ref());
      storeSecrets(run, progress);
      if (!progress.failed(AppStatus.SECRETS_READY)) {
        applyExternalSecrets(run, progress);
      }
    }
    return updateStatus(app, run, progress, before, context);
  }

  private AppRun validateSpec(App app, Context<App> context, Progress progress) {
    try {
      AppRef ref = specCheck.check(app, namespaceLabels(app), context.getPrimaryCache().list().toList());
      return new AppRun(app, ref);
    } catch (RuntimeException e) {
      progress.refused(failure(app.getMetadata().getNamespace() + "/" + app.getMetadata().getName(), "spec check", e));
      return null;
    }
  }

  private boolean loadStoredSecrets(AppRun run, Progress progress) {
    try {
      secrets.load(run);
      return true;
    } catch (RuntimeException e) {
      // Without knowing what is stored every credential would look lost: stop here.
      progress.failed(AppStatus.SECRETS_READY, failure(run.ref().toString(), "loading stored secrets", e));
      return false;
    }
  }

  /**
   * mysql, redis, oidc and registry touch different servers and do not depend on each other,
   * so they run in parallel: an App is ready after the slowest of them, not after their sum.
   */
  private void provisionCapabilities(AppRun run, Progress progress) {
    Parallel.runAll(capabilities.stream().<Runnable>map(step -> () -> provision(step, run, progress)).toList(),
        "provisioning " + run.ref());
  }

  private void provision(CapabilityStep step, AppRun run, Progress progress) {
    try {
      if (step.enabled(run.app().getSpec())) {
        step.ensure(run);
        progress.ok(step.condition(), "Provisioned", step.describe(run));
      } else {
        if (step.recorded(run)) {
          step.remove(run, DeletionPolicy.KEEP_DATA);
        }
        progress.ok(step.condition(), "Disabled", "not enabled in the spec");
      }
    } catch (RuntimeException e) {
      progress.failed(step.condition(), failure(run.ref().toString(), step.condition(), e));
    }
  }

  private void storeSecrets(AppRun run, Progress progress) {
    try {
      secrets.ensure(run);
      progress.ok(AppStatus.SECRETS_READY, "Stored", secrets.describe(run));
    } catch (RuntimeException e) {
      progress.failed(AppStatus.SECRETS_READY, failure(run.ref().toString(), "storing secrets", e));
    }
  }

  /**
   * The objects in the namespace that do not depend on the stored secret (ServiceAccount,
   * SecretStore, dashboard, NetworkPolicy), applied while the capabilities are provisioned:
   * they wait on the API server, the capabilities on the other servers.
   */
  private void applyNamespaceObjects(AppRun run, Progress progress) {
    try {
      kubeObjects.ensureNamespaceObjects(run);
    } catch (RuntimeException e) {
      progress.failed(AppStatus.SECRETS_READY, failure(run.ref().toString(), "applying objects in the namespace", e));
    }
  }

  /** The ExternalSecrets, which carry the stored secret's version so that ESO syncs a new one at once. */
  private void applyExternalSecrets(AppRun run, Progress progress) {
    try {
      kubeObjects.ensureExternalSecrets(run);
    } catch (RuntimeException e) {
      progress.failed(AppStatus.SECRETS_READY, failure(run.ref().toString(), "applying the ExternalSecrets", e));
    }
  }

  private UpdateControl<App> updateStatus(App app, AppRun run, Progress progress, AppStatus before, Context<App> context) {
    progress.finish();
    AppStatus status = progress.status();
    if (run != null && progress.ok()) {
      status.setProvisioned(run.names());
      run.pendingRotation().ifPresent(status::setRotation);
    }
    // A refused spec has no AppRef (run is null) and waits for the next resync or edit.
    Duration next = resync;
    if (run != null && progress.ok()) {
      backoff.reset(run.ref());
    } else if (run != null && progress.retryable()) {
      next = backoff.next(run.ref());
    }
    boolean changed = !Objects.equals(json(before), json(status));
    if (changed) {
      LOG.info("{}/{}: Ready={} ({})", app.getMetadata().getNamespace(), app.getMetadata().getName(),
          status.isTrue(AppStatus.READY), status.condition(AppStatus.READY).map(c -> c.getReason()).orElse(""));
    }
    if (changed) {
      StatusWrite.write(app, status, context);
    }
    return UpdateControl.<App>noUpdate().rescheduleAfter(next);
  }

  /**
   * Revokes what this App is recorded to hold (its OpenBao entry and status.provisioned, both
   * written by the operator) and, under deletionPolicy Delete, drops the recorded data. What
   * is not recorded is left alone whatever the spec says: an App that was refused, or whose
   * spec changed to names it never got, removes nothing that is not its own.
   */
  @Override
  public DeleteControl cleanup(App app, Context<App> context) {
    AppRef ref;
    try {
      ref = AppRef.of(app.getMetadata().getNamespace(), app.getMetadata().getName());
    } catch (RuntimeException e) {
      return DeleteControl.defaultDelete(); // an invalid name was never provisioned
    }
    DeletionPolicy policy = app.getSpec() != null && app.getSpec().deletionPolicyOrDefault() == dev.wharf.api.DeletionPolicy.Delete
        ? DeletionPolicy.DROP_DATA : DeletionPolicy.KEEP_DATA;
    AppRun run = new AppRun(app, ref);
    try {
      secrets.load(run);
      for (CapabilityStep step : capabilities) {
        if (step.recorded(run)) {
          step.remove(run, policy);
        }
      }
      secrets.remove(run);
      backoff.reset(ref);
      LOG.info("{}: access revoked, data {}", ref, policy == DeletionPolicy.DROP_DATA ? "deleted" : "kept");
      // The objects in the namespace go with the App through their owner references.
      return DeleteControl.defaultDelete();
    } catch (RuntimeException e) {
      failure(ref.toString(), "cleanup (will retry)", e);
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(backoff.next(ref).toMillis());
    }
  }

  /**
   * The failure for the status, logged; a bug is logged with where it happened. Refusals of
   * the App as written are the user's to fix and show in its status only.
   */
  private static StepFailure failure(String app, String step, RuntimeException e) {
    StepFailure failure = StepFailure.of(e);
    if (failure.unexpected()) {
      LOG.warn("{}: {} failed: {}{}", app, step, failure.message(), StepFailure.trace(e));
    } else if (!(e instanceof StepFailure.Refusal)) {
      LOG.warn("{}: {} failed: {}", app, step, failure.message());
    }
    return failure;
  }

  private Map<String, String> namespaceLabels(App app) {
    if (app.getSpec() != null && Objects.equals(app.getSpec().getTeam(), app.getMetadata().getNamespace())) {
      return Map.of(); // the team's own namespace: no lookup needed
    }
    Namespace ns;
    try {
      ns = client.namespaces().withName(app.getMetadata().getNamespace()).get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return Map.of(); // the operator may read only tenant namespaces: this one is none
      }
      throw e;
    }
    return ns == null || ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels();
  }

  private static AppStatus copy(AppStatus status) {
    return status == null ? null : Serialization.clone(status);
  }

  private static String json(AppStatus status) {
    return status == null ? null : Serialization.asJson(status);
  }
}
