package dev.wharf.operator.reconcile;

import static dev.wharf.operator.testing.OperatorHarness.fullSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.AppSpec;
import dev.wharf.api.RegistrySpec;
import dev.wharf.operator.WharfOperator;
import dev.wharf.operator.config.ReplicaConfig;
import dev.wharf.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas against one API server (fabric8's mock server, which stores the Lease like any
 * object and keeps its resourceVersion, so the fabric8 lock's get/create/update work as on a
 * real one): only the holder of Lease wharf-system/wharf-operator reconciles; when it stops it
 * gives the lease up, and the other takes over and reconciles.
 */
class LeaderElectionIT {
  static final ReplicaConfig.Lease LEASE = new ReplicaConfig.Lease("wharf-system", ReplicaConfig.LEASE_NAME);
  static OperatorHarness h;
  static WharfOperator standby;
  static Apps apps;

  static ReplicaConfig replica(String identity) {
    return new ReplicaConfig(Duration.ofMinutes(10), Optional.of(LEASE), identity, Duration.ofSeconds(20));
  }

  @BeforeAll
  static void start() {
    h = new OperatorHarness(Duration.ofMinutes(5), replica("replica-a"));
    apps = new Apps(h);
    await().atMost(Duration.ofSeconds(30)).until(h.operator::leading);
    standby = h.replica(replica("replica-b"));
  }

  @AfterAll
  static void stop() {
    if (standby != null) {
      standby.close();
    }
    if (h != null) {
      h.close();
    }
  }

  static String holder() {
    Lease lease = h.kube.resources(Lease.class).inNamespace(LEASE.namespace()).withName(LEASE.name()).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  static String reportedBy(String ns, String name) {
    return h.kube.events().v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> name.equals(e.getRegarding().getName())).findFirst().orElseThrow().getReportingInstance();
  }

  @Test
  void onlyTheLeaseHolderReconcilesAndTheStandbyTakesOverWhenItStops() {
    assertThat(holder()).isEqualTo("replica-a");
    assertThat(standby.ready()).as("a standby is ready: its informers run").isTrue();
    apps.create("team-a", "elected", fullSpec("team-a"));
    apps.awaitReady("team-a", "elected");
    h.awaitQuiet(Duration.ofSeconds(30));
    assertThat(standby.leading()).isFalse();
    assertThat(standby.reconciles()).as("the standby reconciled nothing").isZero();
    assertThat(reportedBy("team-a", "elected")).isEqualTo("replica-a");

    h.operator.close();
    assertThat(holder()).as("given up on stop, not left to expire").isNotEqualTo("replica-a");
    await().atMost(Duration.ofSeconds(30)).until(standby::leading);
    assertThat(holder()).isEqualTo("replica-b");

    AppSpec spec = new AppSpec("team-b");
    spec.setRegistry(new RegistrySpec(true));
    apps.create("team-b", "takeover", spec);
    apps.awaitReady("team-b", "takeover");
    assertThat(reportedBy("team-b", "takeover")).isEqualTo("replica-b");
    // The count goes up as the reconcile returns, just after its status write.
    await().atMost(Duration.ofSeconds(10)).until(() -> standby.reconciles() > 0);
  }
}
