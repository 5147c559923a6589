package dev.wharf.operator.reconcile;

import dev.wharf.provisioning.ServiceException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the reconciler tells Prometheus (Micrometer; /metrics serves it): how long reconciles
 * take (a histogram), how many Apps are Ready and which are not, and the external calls that
 * failed, by system. Only the replica that reconciles (the lease holder) reports Apps.
 */
public final class ReconcileMetrics {
  private final MeterRegistry registry;
  private final Timer duration;
  /** "namespace/name" → Ready, for every App reconciled since this replica started leading. */
  private final Map<String, Boolean> ready = new ConcurrentHashMap<>();

  public ReconcileMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.duration = Timer.builder("wharf.reconcile.duration").description("Time one App reconcile takes")
        .publishPercentileHistogram().register(registry);
    for (boolean state : new boolean[] {true, false}) {
      Gauge.builder("wharf.apps", ready, m -> m.values().stream().filter(v -> v == state).count())
          .description("Apps by their Ready condition").tag("ready", Boolean.toString(state)).register(registry);
    }
  }

  /** Metrics nobody reads (unit tests, tools). */
  public static ReconcileMetrics discarded() {
    return new ReconcileMetrics(new SimpleMeterRegistry());
  }

  Timer.Sample start() {
    return Timer.start(registry);
  }

  void reconciled(Timer.Sample sample) {
    sample.stop(duration);
  }

  /** The App's Ready condition after a reconcile; per App as wharf_app_ready (1 or 0), for the alert to name it. */
  void ready(String namespace, String name, boolean isReady) {
    String key = namespace + "/" + name;
    if (ready.put(key, isReady) == null) {
      Gauge.builder("wharf.app.ready", ready, m -> m.getOrDefault(key, false) ? 1 : 0)
          .description("1 while the App is Ready, else 0").tags("app_namespace", namespace, "app_name", name)
          .register(registry);
    }
  }

  /** The App is gone: it is no longer counted. */
  void gone(String namespace, String name) {
    ready.remove(namespace + "/" + name);
    var gauge = registry.find("wharf.app.ready").tags("app_namespace", namespace, "app_name", name).gauge();
    if (gauge != null) {
      registry.remove(gauge);
    }
  }

  /** A failed call to an external system, counted by the system and the reason it gave. */
  void failed(Exception e, Reason reason) {
    system(e).ifPresent(system -> Counter.builder("wharf.external.errors")
        .description("Calls to MySQL, Redis, Keycloak, OpenBao, Harbor and Kubernetes that failed")
        .tags("system", system, "reason", reason.value()).register(registry).increment());
  }

  /** The system a failure came from, as the client that made the call named it; none for the operator's own refusals. */
  static Optional<String> system(Exception e) {
    return switch (e) {
      case ServiceException s -> Optional.of(s.service().toLowerCase(Locale.ROOT));
      case KubernetesClientException k -> Optional.of("kubernetes");
      default -> Optional.empty();
    };
  }
}
