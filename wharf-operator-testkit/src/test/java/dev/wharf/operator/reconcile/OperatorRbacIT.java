package dev.wharf.operator.reconcile;

import static dev.wharf.operator.testing.OperatorHarness.fullSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.RegistrySpec;
import dev.wharf.operator.config.ReplicaConfig;
import dev.wharf.operator.testing.OperatorHarness;
import dev.wharf.operator.testing.RbacCheck;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request the operator sends to the API server through the whole life of Apps (created,
 * resynced, repaired, rotated, hosted by a namespace given to a team, a capability disabled,
 * deleted) is one that its RBAC grants: gitops/services/wharf-operator/rbac.yaml cluster-wide,
 * and the RoleBinding of gitops/tenants/template in each tenant namespace the harness made. The
 * class runs its own operator, so the requests it checks are those of this life only.
 */
class OperatorRbacIT {
  static OperatorHarness h;
  static Apps apps;

  @BeforeAll
  static void start() {
    // With leader election, as in the cluster: its Lease requests are checked too.
    h = new OperatorHarness(Duration.ofMinutes(5), new ReplicaConfig(Duration.ofMinutes(10),
        Optional.of(new ReplicaConfig.Lease(RbacCheck.NAMESPACE, ReplicaConfig.LEASE_NAME)), "wharf-operator-0",
        Duration.ofSeconds(20)));
    apps = new Apps(h);
  }

  @AfterAll
  static void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void theOperatorsRbacGrantsEveryRequestOfAnAppsLife() {
    await().atMost(Duration.ofSeconds(30)).until(h.operator::leading);
    apps.create("team-a", "life", fullSpec("team-a"));
    h.tenantNamespace("shared", "team-a");
    AppSpec guestSpec = new AppSpec("team-a");
    guestSpec.setRegistry(new RegistrySpec(true));
    apps.create("shared", "guest", guestSpec);
    apps.awaitReady("team-a", "life");
    apps.awaitReady("shared", "guest");
    apps.resync("team-a", "life");

    // Drift the operator repairs: a deleted ServiceAccount and an emptied NetworkPolicy.
    h.kube.serviceAccounts().inNamespace("team-a").withName("life").delete();
    h.kube.network().v1().networkPolicies().inNamespace("team-a").withName("life-platform-egress")
        .edit(np -> { np.getSpec().setEgress(List.of()); return np; });
    apps.resync("team-a", "life");
    await().atMost(Duration.ofSeconds(30)).until(() -> !h.kube.network().v1().networkPolicies().inNamespace("team-a")
        .withName("life-platform-egress").get().getSpec().getEgress().isEmpty());

    h.patch("team-a", "life", "{\"metadata\":{\"annotations\":{\"" + App.ROTATE_ANNOTATION + "\":\"rbac\"}}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> "rbac".equals(h.app("team-a", "life").getStatus().getRotation()));
    h.patch("team-a", "life", "{\"spec\":{\"dashboards\":{\"enabled\":false}}}");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> h.kube.configMaps().inNamespace("team-a").withName("life-dashboard").get() == null);
    apps.deleteAndAwaitGone("shared", "guest");
    apps.deleteAndAwaitGone("team-a", "life");

    var rbac = RbacCheck.fromTree(h.kube.rbac().roleBindings().inAnyNamespace().list().getItems());
    Set<RbacCheck.Attributes> used = h.takeOperatorRequests().stream().map(RbacCheck::attributes)
        .collect(Collectors.toSet());
    assertThat(used).extracting(Object::toString).as("the life above was seen by the operator")
        .contains("watch platform.wharf.dev/apps", "patch platform.wharf.dev/apps/status in team-a",
            "create core/serviceaccounts in team-a", "patch networking.k8s.io/networkpolicies in team-a",
            "delete core/configmaps in team-a", "get core/namespaces in shared",
            "create events.k8s.io/events in team-a", "create authorization.k8s.io/selfsubjectrulesreviews",
            "create coordination.k8s.io/leases in wharf-system", "get coordination.k8s.io/leases in wharf-system",
            "patch coordination.k8s.io/leases in wharf-system");
    assertThat(used).filteredOn(a -> !rbac.allows(a)).as("requests the operator's RBAC does not grant").isEmpty();
  }
}
