package dev.wharf.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.DashboardsSpec;
import dev.wharf.api.RegistrySpec;
import dev.wharf.provisioning.AppRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedFieldsTest {
  static final AppRef REF = AppRef.of("team-a", "greeter");
  final DesiredObjects model = new DesiredObjects(ClusterSettings.defaults());

  App app(boolean registry) {
    AppSpec spec = new AppSpec("team-a");
    spec.setRegistry(new RegistrySpec(registry));
    spec.setDashboards(new DashboardsSpec(true));
    App app = new App("team-a", "greeter", spec);
    app.getMetadata().setUid("uid-1");
    return app;
  }

  <T extends HasMetadata> T wanted(App app, Class<T> kind) {
    return model.build(app, 1).stream().filter(kind::isInstance).map(kind::cast).findFirst().orElseThrow();
  }

  @Test
  void whatOthersAddedStaysAndAnObjectThatHasOurFieldsIsNotWritten() {
    ServiceAccount want = wanted(app(true), ServiceAccount.class);
    ServiceAccount have = new ServiceAccountBuilder(want).editMetadata().addToLabels("mirror", "yes")
        .addToAnnotations("note", "x").addToFinalizers("example.com/keep").endMetadata()
        .addNewImagePullSecret("mirror-pull").build();
    assertThat(ManagedFields.applied(have, want, REF)).isEmpty();
  }

  @Test
  void ourPullSecretIsAddedAmongTheOthersAndRemovedAloneWhenRegistryIsOff() {
    ServiceAccount bare = new ServiceAccountBuilder(wanted(app(false), ServiceAccount.class))
        .withImagePullSecrets(new LocalObjectReference("mirror-pull")).build();
    ServiceAccount added = (ServiceAccount) ManagedFields.applied(bare, wanted(app(true), ServiceAccount.class), REF).orElseThrow();
    assertThat(added.getImagePullSecrets()).extracting(LocalObjectReference::getName)
        .containsExactly("mirror-pull", "greeter-registry");

    ServiceAccount removed = (ServiceAccount) ManagedFields.applied(added, wanted(app(false), ServiceAccount.class), REF)
        .orElseThrow();
    assertThat(removed.getImagePullSecrets()).extracting(LocalObjectReference::getName).containsExactly("mirror-pull");
  }

  @Test
  void labelsAndDataKeysAreSetByKey() {
    ConfigMap want = wanted(app(true), ConfigMap.class);
    ConfigMap have = new ConfigMapBuilder(want).editMetadata().addToLabels("grafana_dashboard", "0")
        .addToLabels("other", "1").endMetadata().addToData("extra.json", "{}").addToData("team-a-greeter.json", "old").build();
    ConfigMap fixed = (ConfigMap) ManagedFields.applied(have, want, REF).orElseThrow();
    assertThat(fixed.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1").containsEntry("other", "1");
    assertThat(fixed.getData()).containsEntry("extra.json", "{}")
        .containsEntry("team-a-greeter.json", want.getData().get("team-a-greeter.json"));
  }

  @Test
  void aSpecOnlyWharfWritesIsReplacedWhenItDiffers() {
    App app = app(true);
    app.getSpec().setMysql(new dev.wharf.api.MySqlSpec(true, dev.wharf.api.MySqlPrivileges.READ_WRITE));
    NetworkPolicy want = wanted(app, NetworkPolicy.class);
    NetworkPolicy emptied = new NetworkPolicyBuilder(want).editSpec().withEgress(List.of()).endSpec().build();
    NetworkPolicy fixed = (NetworkPolicy) ManagedFields.applied(emptied, want, REF).orElseThrow();
    assertThat(fixed.getSpec()).isEqualTo(want.getSpec());
  }

  @Test
  void onlyTheAppsControllerReferenceCounts() {
    ServiceAccount ours = wanted(app(true), ServiceAccount.class);
    assertThat(ManagedFields.controlledBy(ours, "uid-1")).isTrue();
    assertThat(ManagedFields.controlledBy(ours, "uid-2")).isFalse();
    ServiceAccount notController = new ServiceAccountBuilder(ours).editMetadata().editFirstOwnerReference()
        .withController(false).endOwnerReference().endMetadata().build();
    assertThat(ManagedFields.controlledBy(notController, "uid-1")).isFalse();
  }
}
