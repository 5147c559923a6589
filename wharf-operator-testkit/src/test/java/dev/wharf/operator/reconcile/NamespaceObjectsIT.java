package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.DashboardsSpec;
import dev.wharf.api.RedisSpec;
import dev.wharf.api.RegistrySpec;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The objects an App gets in its namespace: the operator creates what is absent, changes only
 * what the App controls and only the fields it manages, and never takes over an object of the
 * same name that something else made.
 */
class NamespaceObjectsIT extends WithOperator {
  static AppSpec registryOnly() {
    AppSpec spec = new AppSpec("team-a");
    spec.setRegistry(new RegistrySpec(true));
    return spec;
  }

  ServiceAccount serviceAccount(String name) {
    return h.kube.serviceAccounts().inNamespace("team-a").withName(name).get();
  }

  @Test
  void aServiceAccountTheTeamMadeIsLeftByteForByteAndTheAppSaysWhatToRename() {
    h.kube.serviceAccounts().inNamespace("team-a").resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("builder").addToLabels("team", "ci").addToAnnotations("owner", "ci-team")
        .addToFinalizers("example.com/keep").endMetadata()
        .withAutomountServiceAccountToken(true).addNewImagePullSecret("ci-pull").build()).create();
    String before = Serialization.asJson(serviceAccount("builder"));

    apps.create("team-a", "builder", registryOnly());
    var refused = apps.awaitCondition("team-a", "builder", AppStatus.SECRETS_READY, false);
    assertThat(refused.getStatus().condition(AppStatus.READY).orElseThrow()).satisfies(c -> {
      assertThat(c.getReason()).isEqualTo("NameTaken");
      assertThat(c.getMessage()).contains("ServiceAccount team-a/builder", "rename");
    });
    apps.deleteAndAwaitGone("team-a", "builder");

    assertThat(Serialization.asJson(serviceAccount("builder"))).isEqualTo(before);
  }

  @Test
  void anOwnedServiceAccountKeepsWhatAnotherToolAddedAndResyncsWriteNothing() {
    apps.create("team-a", "puller", registryOnly());
    apps.awaitReady("team-a", "puller");
    h.kube.serviceAccounts().inNamespace("team-a").withName("puller").edit(sa -> {
      sa.getImagePullSecrets().add(new LocalObjectReference("mirror-pull"));
      sa.getMetadata().getLabels().put("mirror", "yes");
      sa.getMetadata().setAnnotations(java.util.Map.of("mirror.example.com/synced", "1"));
      return sa;
    });
    String edited = Serialization.asJson(serviceAccount("puller"));
    h.takeOperatorRequests(); // only the resyncs' requests count below

    apps.resync("team-a", "puller");
    apps.resync("team-a", "puller");
    h.awaitQuiet(Duration.ofSeconds(10));

    assertThat(Serialization.asJson(serviceAccount("puller"))).isEqualTo(edited);
    assertThat(serviceAccount("puller").getImagePullSecrets()).extracting(LocalObjectReference::getName)
        .containsExactly("puller-registry", "mirror-pull");
    assertThat(h.takeOperatorRequests()).as("writes during the resyncs")
        .noneMatch(r -> !r.startsWith("GET ") && !r.contains("/apps/"));
  }

  static AppSpec redisAndDashboard() {
    AppSpec spec = new AppSpec("team-a");
    spec.setRedis(new RedisSpec(true, null));
    spec.setDashboards(new DashboardsSpec(true));
    return spec;
  }

  @Test
  void anOwnedObjectDeletedOrEditedIsRestoredAtOnceWithoutWaitingForTheResync() {
    String uid = apps.create("team-a", "watched", redisAndDashboard()).getMetadata().getUid();
    apps.awaitReady("team-a", "watched");
    var configMaps = h.kube.configMaps().inNamespace("team-a");
    var policies = h.kube.network().v1().networkPolicies().inNamespace("team-a");
    assertThat(configMaps.withName("watched-dashboard").get()).isNotNull();
    assertThat(policies.withName("watched-platform-egress").get()).isNotNull();

    // The resync interval is five minutes: only the informers' events can bring these back in time.
    configMaps.withName("watched-dashboard").delete();
    policies.withName("watched-platform-egress").delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> configMaps.withName("watched-dashboard").get() != null
        && policies.withName("watched-platform-egress").get() != null);
    assertThat(configMaps.withName("watched-dashboard").get().getMetadata().getOwnerReferences())
        .singleElement().satisfies(r -> assertThat(r.getUid()).isEqualTo(uid));

    policies.withName("watched-platform-egress").edit(np -> {
      np.getSpec().setPolicyTypes(new java.util.ArrayList<>(List.of("Ingress")));
      return np;
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> policies.withName("watched-platform-egress").get()
        .getSpec().getPolicyTypes().equals(List.of("Egress")));
  }

  @Test
  void aResyncOfAnUnchangedAppAsksTheApiServerNothing() {
    apps.create("team-a", "cached", redisAndDashboard());
    apps.awaitReady("team-a", "cached");
    h.awaitQuiet(Duration.ofSeconds(20));
    h.takeOperatorRequests();

    apps.resync("team-a", "cached");
    apps.resync("team-a", "cached");
    h.awaitQuiet(Duration.ofSeconds(10));

    assertThat(h.takeOperatorRequests()).as("the operator's requests during two resyncs: its objects come from the"
        + " informers' caches").isEmpty();
  }
}
