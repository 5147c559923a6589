package dev.wharf.operator;

import dev.wharf.operator.config.ReplicaConfig;
import dev.wharf.operator.model.ClusterSettings;
import dev.wharf.operator.model.DesiredObjects;
import dev.wharf.operator.reconcile.AppReconciler;
import dev.wharf.operator.reconcile.Backoff;
import dev.wharf.operator.reconcile.KubeEvents;
import dev.wharf.operator.reconcile.KubeObjectsStep;
import dev.wharf.operator.reconcile.ReconcileMetrics;
import dev.wharf.operator.reconcile.MySqlStep;
import dev.wharf.operator.reconcile.OidcStep;
import dev.wharf.operator.reconcile.OwnedObjects;
import dev.wharf.operator.reconcile.RedisStep;
import dev.wharf.operator.reconcile.RegistryStep;
import dev.wharf.operator.reconcile.SecretsStep;
import dev.wharf.operator.reconcile.SpecCheck;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Puts the App reconciler together and runs it with the Java Operator SDK. */
public final class WharfOperator implements AutoCloseable {
  private final Operator operator;
  private final Backends backends;
  private final AppReconciler reconciler;
  private final KubernetesClient client;
  private final java.util.Optional<LeaseHolder> lease;
  private volatile boolean started;
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  /** What the reconciler needs besides the service clients. */
  public record Options(Set<String> teams, ClusterSettings cluster, Duration resync, Duration minBackoff, Duration maxBackoff) {}

  public WharfOperator(KubernetesClient client, Backends backends, Options options,
                       Consumer<ConfigurationServiceOverrider> overrides) {
    this(client, backends, options, ReplicaConfig.standalone(), overrides);
  }

  public WharfOperator(KubernetesClient client, Backends backends, Options options, ReplicaConfig replica,
                       Consumer<ConfigurationServiceOverrider> overrides) {
    this.backends = backends;
    this.client = client;
    this.lease = replica.lease().map(l -> new LeaseHolder(l, replica.identity()));
    this.operator = new Operator(o -> {
      o.withKubernetesClient(client);
      o.withCloseClientOnStop(false);
      // A stop waits this long for reconciles under way (shorter than the pod's grace period).
      o.withReconciliationTerminationTimeout(replica.shutdownTimeout());
      lease.ifPresent(l -> o.withLeaderElectionConfiguration(l.configuration()));
      // One write mode, in the cluster and in the tests: the finalizer by JOSDK's JSON Patch
      // (conflicts retried by re-reading the App), the status by StatusWrite. Server-side
      // apply would differ between the two: fabric8's mock server cannot apply.
      o.withUseSSAToPatchPrimaryResource(false);
      o.withSSABasedCreateUpdateMatchForDependentResources(false);
      overrides.accept(o);
    });
    this.reconciler = new AppReconciler(client,
        new SpecCheck(options.teams(), options.cluster().mysqlConnections()),
        List.of(new MySqlStep(backends.provisioning(), options.cluster().mysqlConnections()), new RedisStep(backends.provisioning()),
            new OidcStep(backends.provisioning()), new RegistryStep(backends.harbor())),
        new SecretsStep(backends.openBao(), options.cluster().kvMount()),
        new KubeObjectsStep(client, new DesiredObjects(options.cluster()), new OwnedObjects()),
        options.resync(), new Backoff(options.minBackoff(), options.maxBackoff()), Clock.systemUTC(),
        new AppReconciler.Reporting(replica.stallAfter(), new KubeEvents(client, replica.identity(), Clock.systemUTC()),
            new ReconcileMetrics(metrics)));
    operator.register(reconciler);
    FunctionCounter.builder("wharf.operator.reconciles", reconciler, AppReconciler::reconciles)
        .description("App reconciliations finished").register(metrics);
    FunctionCounter.builder("wharf.operator.external.writes", backends, Backends::externalWrites)
        .description("Writes sent to MySQL, Redis, Keycloak, OpenBao and Harbor").register(metrics);
    Gauge.builder("wharf.operator.leader", this, o -> o.leading() ? 1 : 0)
        .description("1 on the replica that reconciles (holds the lease), 0 on a standby").register(metrics);
  }

  /**
   * Starts the informers and waits until they have synced; throws when they cannot (App CRD
   * missing, RBAC denied, API server not answering within JOSDK's cache sync timeout).
   */
  public void start() {
    operator.start();
    started = true;
  }

  /**
   * Liveness: true while starting (a start that fails ends the process, see Main) and, once
   * started, while every informer is running, synced and watching.
   */
  public boolean live() {
    return !started || informersHealthy();
  }

  /** Readiness: started, with every informer running, synced and watching. */
  public boolean ready() {
    return started && informersHealthy();
  }

  private boolean informersHealthy() {
    var runtime = operator.getRuntimeInfo();
    return runtime.isStarted() && runtime.allEventSourcesAreHealthy();
  }

  /** True while this replica reconciles: it holds the lease, or runs without leader election. */
  public boolean leading() {
    return started && lease.map(LeaseHolder::leading).orElse(true);
  }

  /** Everything this replica measures, in Prometheus' text format (/metrics). */
  public String metrics() {
    return metrics.scrape();
  }

  public long reconciles() {
    return reconciler.reconciles();
  }

  public Backends backends() {
    return backends;
  }

  /**
   * Stops: no new reconcile starts, those under way finish (up to the replica's shutdown
   * timeout) and write their status, then the lease is given up and the clients closed.
   */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    lease.ifPresent(LeaseHolder::stopping);
    operator.stop();
    lease.ifPresent(l -> l.release(client));
    backends.close();
  }
}
