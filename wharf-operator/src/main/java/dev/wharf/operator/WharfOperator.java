package dev.wharf.operator;

import dev.wharf.operator.model.ClusterSettings;
import dev.wharf.operator.model.DesiredObjects;
import dev.wharf.operator.reconcile.AppReconciler;
import dev.wharf.operator.reconcile.Backoff;
import dev.wharf.operator.reconcile.KubeObjectsStep;
import dev.wharf.operator.reconcile.MySqlStep;
import dev.wharf.operator.reconcile.OidcStep;
import dev.wharf.operator.reconcile.OwnedObjects;
import dev.wharf.operator.reconcile.RedisStep;
import dev.wharf.operator.reconcile.RegistryStep;
import dev.wharf.operator.reconcile.SecretsStep;
import dev.wharf.operator.reconcile.SpecCheck;
import io.fabric8.kubernetes.client.KubernetesClient;
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
  private volatile boolean started;

  /** What the reconciler needs besides the service clients. */
  public record Options(Set<String> teams, ClusterSettings cluster, Duration resync, Duration minBackoff, Duration maxBackoff) {}

  public WharfOperator(KubernetesClient client, Backends backends, Options options,
                       Consumer<ConfigurationServiceOverrider> overrides) {
    this.backends = backends;
    this.operator = new Operator(o -> {
      o.withKubernetesClient(client);
      o.withCloseClientOnStop(false);
      // One write mode, in the cluster and in the tests: the finalizer by JOSDK's JSON Patch
      // (conflicts retried by re-reading the App), the status by StatusWrite. Server-side
      // apply would differ between the two: fabric8's mock server cannot apply.
      o.withUseSSAToPatchPrimaryResource(false);
      o.withSSABasedCreateUpdateMatchForDependentResources(false);
      overrides.accept(o);
    });
    this.reconciler = new AppReconciler(client,
        new SpecCheck(options.teams()),
        List.of(new MySqlStep(backends.provisioning()), new RedisStep(backends.provisioning()),
            new OidcStep(backends.provisioning()), new RegistryStep(backends.harbor())),
        new SecretsStep(backends.openBao(), options.cluster().kvMount()),
        new KubeObjectsStep(client, new DesiredObjects(options.cluster()), new OwnedObjects()),
        options.resync(), new Backoff(options.minBackoff(), options.maxBackoff()), Clock.systemUTC());
    operator.register(reconciler);
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

  public long reconciles() {
    return reconciler.reconciles();
  }

  public Backends backends() {
    return backends;
  }

  @Override
  public void close() {
    operator.stop();
    backends.close();
  }
}
