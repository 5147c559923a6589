package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.AppStatus;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.core.AppRef;
import dev.wharf.core.DeletionPolicy;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reconciles an App in named steps: validate spec, load stored secrets, mysql, redis, oidc,
 * registry and the namespace objects (these in parallel), store secrets (the OpenBao entry),
 * the ExternalSecrets, status. Each step returns what it did; the reconciler merges the results
 * (the steps share no mutable state). A failing capability sets its condition False and the
 * others still run; what succeeded is stored.
 * Generation-aware filtering is replaced by {@link MeaningfulChange} so that the rotate
 * annotation (which does not bump the generation) triggers a reconcile but status writes do not.
 */
@ControllerConfiguration(name = "app", generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = MeaningfulChange.class))
public class AppReconciler implements Reconciler<App>, Cleaner<App> {
  private final KubernetesClient client;
  private final SpecCheck specCheck;
  private final SecretsStep secrets;
  private final List<CapabilityStep> capabilities;
  private final KubeObjectsStep kubeObjects;
  private final Duration resync;
  private final Backoff backoff;
  private final Clock clock;
  private final StatusReport report;
  private final ReconcileMetrics metrics;
  private final FailureLog failures;
  private final AppCleanup cleanup;
  private final AtomicLong reconciles = new AtomicLong();

  /** How the App's state is reported besides the conditions of each step. */
  public record Reporting(Duration stallAfter, AppEvents.Sink events, ReconcileMetrics metrics) {}

  public AppReconciler(KubernetesClient client, SpecCheck specCheck, List<CapabilityStep> capabilities,
                       SecretsStep secrets, KubeObjectsStep kubeObjects, Duration resync, Backoff backoff, Clock clock,
                       Reporting reporting) {
    this.client = client;
    this.specCheck = specCheck;
    this.capabilities = List.copyOf(capabilities);
    this.secrets = secrets;
    this.kubeObjects = kubeObjects;
    this.resync = resync;
    this.backoff = backoff;
    this.clock = clock;
    this.metrics = reporting.metrics();
    this.report = new StatusReport(reporting.stallAfter(), reporting.events(), metrics);
    this.failures = new FailureLog(metrics);
    this.cleanup = new AppCleanup(capabilities, secrets, backoff, metrics, failures);
  }

  /**
   * The informers of the objects the Apps own: resyncs read them from the caches, and an edit
   * or deletion of one reconciles its App at once.
   */
  @Override
  public List<EventSource<?, App>> prepareEventSources(EventSourceContext<App> context) {
    return kubeObjects.eventSources(context);
  }

  @Override
  public UpdateControl<App> reconcile(App app, Context<App> context) {
    var timing = metrics.start();
    try {
      return reconcileSteps(app, context);
    } finally {
      metrics.reconciled(timing);
      reconciles.incrementAndGet();
    }
  }

  /** Reconciliations finished since start (for /metrics and tests). */
  public long reconciles() {
    return reconciles.get();
  }

  private UpdateControl<App> reconcileSteps(App app, Context<App> context) {
    AppStatus before = StatusReport.snapshot(app);
    AppStatus status = app.getStatus() == null ? new AppStatus() : app.getStatus();
    app.setStatus(status);
    Progress progress = new Progress(app, status, clock.instant());

    Optional<AppRef> ref = validateSpec(app, context, progress);
    Optional<AppRun> run = ref.flatMap(r -> loadStoredSecrets(app, r, progress));
    Optional<ProvisionedNames> names = run.map(r -> provision(r, progress, context));
    return updateStatus(app, ref, run.flatMap(r -> names.map(n -> new Done(r, n))), progress, before, context);
  }

  private Optional<AppRef> validateSpec(App app, Context<App> context, Progress progress) {
    try {
      return Optional.of(specCheck.check(app, namespaceLabels(app), context.getPrimaryCache().list().toList()));
    } catch (RuntimeException e) {
      String name = app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
      progress.refused(failures.record(name, "spec check", e));
      return Optional.empty();
    }
  }

  private Optional<AppRun> loadStoredSecrets(App app, AppRef ref, Progress progress) {
    try {
      return Optional.of(new AppRun(app, ref, secrets.load(ref)));
    } catch (RuntimeException e) {
      // Without knowing what is stored every credential would look lost: stop here.
      progress.failed(AppStatus.SECRETS_READY, failures.record(ref.toString(), "loading stored secrets", e));
      return Optional.empty();
    }
  }

  /**
   * The capabilities and the namespace objects side by side (they wait on different servers),
   * then their results merged into the OpenBao entry, which is stored, then the ExternalSecrets
   * that carry its version. Returns what status.provisioned is to show.
   */
  private ProvisionedNames provision(AppRun run, Progress progress, Context<App> context) {
    Future<List<CapabilityOutcome>> capabilities = Parallel.start(() -> provisionCapabilities(run));
    // Kubernetes API calls, made while the capabilities wait on the other servers: a new
    // generation's Reconciling=True, then the namespace objects.
    try {
      report.started(run.app(), progress, context);
    } catch (RuntimeException e) {
      Parallel.join(capabilities, "provisioning " + run.ref()); // no provisioning left running behind a retry
      throw e;
    }
    Optional<StepFailure> objects = applyNamespaceObjects(run);
    List<CapabilityOutcome> outcomes = Parallel.join(capabilities, "provisioning " + run.ref());
    outcomes.forEach(outcome -> report(outcome, progress));
    outcomes.stream().filter(o -> run.pendingRotation().isEmpty() && o instanceof CapabilityOutcome.Provided p
        && p.grant().renewed(run.storedEntry())).forEach(o -> progress.renewed(o.step().condition()));
    objects.ifPresent(f -> progress.failed(AppStatus.SECRETS_READY, f));

    Map<String, String> entry = StoredEntry.merge(run.storedEntry(), outcomes, run.pendingRotation());
    Optional<Long> stored = storeSecrets(run, entry, progress);
    stored.ifPresent(version -> afterStore(run, outcomes, progress));
    stored.filter(version -> !progress.failed(AppStatus.SECRETS_READY))
        .ifPresent(version -> applyExternalSecrets(run, version, progress));
    return StoredEntry.names(outcomes, secrets.path(run.ref()));
  }

  /**
   * mysql, redis, oidc and registry touch different servers and do not depend on each other,
   * so they run in parallel: an App is ready after the slowest of them, not after their sum.
   */
  private List<CapabilityOutcome> provisionCapabilities(AppRun run) {
    return Parallel.all(capabilities.stream().<Supplier<CapabilityOutcome>>map(step -> () -> provision(step, run))
        .toList(), "provisioning " + run.ref());
  }

  private CapabilityOutcome provision(CapabilityStep step, AppRun run) {
    try {
      if (step.enabled(run.app().getSpec())) {
        return new CapabilityOutcome.Provided(step, step.ensure(run));
      }
      boolean recorded = step.recorded(run);
      if (recorded) {
        step.remove(run, DeletionPolicy.RETAIN);
      }
      return new CapabilityOutcome.Disabled(step, recorded);
    } catch (RuntimeException e) {
      return new CapabilityOutcome.Failed(step, failures.record(run.ref().toString(), step.condition(), e));
    }
  }

  private static void report(CapabilityOutcome outcome, Progress progress) {
    String condition = outcome.step().condition();
    switch (outcome) {
      case CapabilityOutcome.Provided p -> progress.ok(condition, Reason.PROVISIONED, p.grant().describe());
      case CapabilityOutcome.Disabled d -> progress.ok(condition, Reason.DISABLED, "not enabled in the spec");
      case CapabilityOutcome.Failed f -> progress.failed(condition, f.failure());
    }
  }

  /** What each provided capability does only once its secret is stored (see {@link CapabilityStep#afterStore}). */
  private void afterStore(AppRun run, List<CapabilityOutcome> outcomes, Progress progress) {
    for (CapabilityOutcome outcome : outcomes) {
      if (outcome instanceof CapabilityOutcome.Provided p) {
        try {
          p.step().afterStore(run, p.grant());
        } catch (RuntimeException e) {
          progress.failed(p.step().condition(), failures.record(run.ref().toString(), p.step().condition(), e));
        }
      }
    }
  }

  /** The version of the entry in OpenBao, once it holds {@code entry}. */
  private Optional<Long> storeSecrets(AppRun run, Map<String, String> entry, Progress progress) {
    try {
      long version = secrets.store(run, entry);
      progress.ok(AppStatus.SECRETS_READY, Reason.STORED, secrets.describe(run, version));
      return Optional.of(version);
    } catch (RuntimeException e) {
      progress.failed(AppStatus.SECRETS_READY, failures.record(run.ref().toString(), "storing secrets", e));
      return Optional.empty();
    }
  }

  /**
   * The objects in the namespace that do not depend on the stored secret (ServiceAccount,
   * SecretStore, dashboard, NetworkPolicy), applied while the capabilities are provisioned:
   * they wait on the API server, the capabilities on the other servers.
   */
  private Optional<StepFailure> applyNamespaceObjects(AppRun run) {
    try {
      kubeObjects.ensureNamespaceObjects(run);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(failures.record(run.ref().toString(), "applying objects in the namespace", e));
    }
  }

  /** The ExternalSecrets, which carry the stored secret's version so that ESO syncs a new one at once. */
  private void applyExternalSecrets(AppRun run, long kvVersion, Progress progress) {
    try {
      kubeObjects.ensureExternalSecrets(run, kvVersion);
    } catch (RuntimeException e) {
      progress.failed(AppStatus.SECRETS_READY, failures.record(run.ref().toString(), "applying the ExternalSecrets", e));
    }
  }

  /** A reconcile that got as far as provisioning: what it started from and what status is to name. */
  private record Done(AppRun run, ProvisionedNames names) {}

  private UpdateControl<App> updateStatus(App app, Optional<AppRef> ref, Optional<Done> done, Progress progress,
      AppStatus before, Context<App> context) {
    AppStatus status = progress.status();
    if (done.isPresent() && progress.ok()) {
      status.setProvisioned(done.get().names());
      done.get().run().pendingRotation().ifPresent(status::setRotation);
    }
    // A refused spec has no AppRef and waits for the next resync or edit. Resyncs are spread
    // over the interval, so Apps reconciled together (after a restart) do not stay together.
    Duration next = ResyncSpread.next(resync, app.getMetadata().getUid());
    if (ref.isPresent() && progress.ok()) {
      backoff.reset(ref.get());
    } else if (ref.isPresent() && progress.retryable()) {
      next = backoff.next(ref.get());
    }
    report.finish(app, before, progress, context);
    return UpdateControl.<App>noUpdate().rescheduleAfter(next);
  }

  /** Revokes what this App is recorded to hold; see {@link AppCleanup}. */
  @Override
  public DeleteControl cleanup(App app, Context<App> context) {
    return cleanup.cleanup(app);
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
}
