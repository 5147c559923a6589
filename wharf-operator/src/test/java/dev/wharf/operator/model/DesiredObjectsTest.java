package dev.wharf.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.DashboardsSpec;
import dev.wharf.api.MySqlSpec;
import dev.wharf.api.OidcSpec;
import dev.wharf.api.RedisSpec;
import dev.wharf.api.RegistrySpec;
import dev.wharf.core.MySqlPrivileges;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DesiredObjectsTest {
  final DesiredObjects model = new DesiredObjects(ClusterSettings.defaults());

  static App greeter() {
    AppSpec spec = new AppSpec("team-a");
    spec.setMysql(new MySqlSpec(true, MySqlPrivileges.READ_WRITE));
    spec.setRedis(new RedisSpec(true, null));
    spec.setOidc(new OidcSpec(true, List.of("https://greeter.apps.wharf.example.com/*"), List.of()));
    spec.setRegistry(new RegistrySpec(true));
    spec.setDashboards(new DashboardsSpec(true));
    App app = new App("team-a", "greeter", spec);
    app.getMetadata().setUid("uid-1");
    return app;
  }

  static Map<String, HasMetadata> byKindAndName(List<HasMetadata> objects) {
    return objects.stream().collect(Collectors.toMap(o -> o.getKind() + "/" + o.getMetadata().getName(), o -> o));
  }

  @Test
  void fullAppGetsEveryObjectOwnedByTheApp() {
    Map<String, HasMetadata> objects = byKindAndName(model.build(greeter(), 3));
    assertThat(objects).containsOnlyKeys("ServiceAccount/greeter", "SecretStore/greeter-openbao",
        "ExternalSecret/greeter-platform", "ExternalSecret/greeter-registry", "ConfigMap/greeter-dashboard",
        "NetworkPolicy/greeter-platform-egress");
    for (HasMetadata o : objects.values()) {
      assertThat(o.getMetadata().getNamespace()).isEqualTo("team-a");
      assertThat(o.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
        assertThat(ref.getKind()).isEqualTo("App");
        assertThat(ref.getUid()).isEqualTo("uid-1");
        assertThat(ref.getController()).isTrue();
      });
    }
    ServiceAccount sa = (ServiceAccount) objects.get("ServiceAccount/greeter");
    assertThat(sa.getImagePullSecrets()).singleElement().satisfies(r -> assertThat(r.getName()).isEqualTo("greeter-registry"));
  }

  @Test
  void platformSecretCarriesTheTenContractKeysFromTheAppsOwnPath() {
    JsonNode es = json(byKindAndName(model.build(greeter(), 7)).get("ExternalSecret/greeter-platform"));
    assertThat(es.at("/spec/target/name").asText()).isEqualTo("greeter-platform");
    assertThat(es.at("/metadata/annotations").toString()).contains("\"7\"");
    List<String> keys = es.at("/spec/data").findValuesAsText("secretKey");
    assertThat(keys).containsExactlyInAnyOrder("MYSQL_URL", "MYSQL_USERNAME", "MYSQL_PASSWORD", "REDIS_URL",
        "REDIS_USERNAME", "REDIS_PASSWORD", "REDIS_KEY_PREFIX", "OIDC_ISSUER_URI", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET");
    es.at("/spec/data").forEach(d -> assertThat(d.at("/remoteRef/key").asText()).isEqualTo("apps/team-a/greeter"));
    assertThat(es.at("/spec/secretStoreRef/kind").asText()).isEqualTo("SecretStore");
  }

  @Test
  void externalSecretsSyncOnTheVersionAnnotationAndOnlyHourlyOtherwise() {
    for (String name : List.of("ExternalSecret/greeter-platform", "ExternalSecret/greeter-registry")) {
      JsonNode es = json(byKindAndName(model.build(greeter(), 4)).get(name));
      assertThat(es.at("/apiVersion").asText()).isEqualTo("external-secrets.io/v1");
      // ESO syncs when an ExternalSecret's annotations change: the operator bumps this one
      // whenever the stored secret changes, so the interval is only a safety net.
      assertThat(es.at("/metadata/annotations/platform.wharf.dev~1secret-version").asText()).isEqualTo("4");
      assertThat(es.at("/spec/refreshPolicy").asText()).isEqualTo("Periodic");
      assertThat(es.at("/spec/refreshInterval").asText()).isEqualTo("1h");
    }
    JsonNode newer = json(byKindAndName(model.build(greeter(), 5)).get("ExternalSecret/greeter-platform"));
    assertThat(newer.at("/metadata/annotations/platform.wharf.dev~1secret-version").asText()).isEqualTo("5");
  }

  @Test
  void secretStoreIsNamespacedAndLogsInAsTheAppsServiceAccountWithTheSharedRole() {
    JsonNode store = json(byKindAndName(model.build(greeter(), 1)).get("SecretStore/greeter-openbao"));
    assertThat(store.path("kind").asText()).isEqualTo("SecretStore");
    JsonNode vault = store.at("/spec/provider/vault");
    assertThat(vault.path("path").asText()).isEqualTo("wharf");
    assertThat(vault.path("version").asText()).isEqualTo("v2");
    assertThat(vault.at("/auth/kubernetes/role").asText()).as("the platform's role for every app").isEqualTo("wharf-app");
    assertThat(vault.at("/auth/kubernetes/serviceAccountRef/name").asText()).isEqualTo("greeter");
    assertThat(vault.at("/caProvider/name").asText()).isEqualTo("wharf-internal-ca");
    assertThat(vault.at("/caProvider/namespace").isMissingNode()).as("namespaced store: own namespace only").isTrue();
  }

  @Test
  void pullSecretIsADockerConfigFromTheRobotCredentials() {
    JsonNode es = json(byKindAndName(model.build(greeter(), 1)).get("ExternalSecret/greeter-registry"));
    assertThat(es.at("/spec/target/template/type").asText()).isEqualTo("kubernetes.io/dockerconfigjson");
    assertThat(es.at("/spec/target/template/data/.dockerconfigjson").asText()).contains("harbor.wharf.example.com", "b64enc");
    assertThat(es.at("/spec/data").findValuesAsText("property")).containsExactly("REGISTRY_USERNAME", "REGISTRY_PASSWORD");
  }

  @Test
  void networkPolicyAllowsDnsAndOnlyTheEnabledServices() {
    App app = greeter();
    app.getSpec().setRedis(new RedisSpec(false, null));
    NetworkPolicy np = (NetworkPolicy) byKindAndName(model.build(app, 1)).get("NetworkPolicy/greeter-platform-egress");
    assertThat(np.getSpec().getPolicyTypes()).containsExactly("Egress");
    List<String> namespaces = np.getSpec().getEgress().stream()
        .map(r -> r.getTo().getFirst().getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")).toList();
    assertThat(namespaces).containsExactly("kube-system", "mysql", "keycloak", "envoy-gateway-system");
    assertThat(np.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "greeter");
  }

  @Test
  void dashboardIsLabelledForGrafanaAndQueriesTheApp() throws Exception {
    ConfigMap cm = (ConfigMap) byKindAndName(model.build(greeter(), 1)).get("ConfigMap/greeter-dashboard");
    assertThat(cm.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    JsonNode dash = new ObjectMapper().readTree(cm.getData().get("team-a-greeter.json"));
    List<String> titles = dash.path("panels").findValuesAsText("title");
    assertThat(titles).contains("Requests per second", "Errors per second (5xx)", "Latency p95", "JVM heap used", "Logs", "Traces");
    assertThat(dash.toString()).contains("namespace=\\\"team-a\\\"", "service=\\\"greeter\\\"", "resource.service.name");
  }

  @Test
  void disabledCapabilitiesLeaveNoObjects() {
    App bare = new App("team-a", "bare", new AppSpec("team-a"));
    assertThat(byKindAndName(model.build(bare, 0))).containsOnlyKeys("ServiceAccount/bare");
  }

  private static JsonNode json(HasMetadata o) {
    return Serialization.jsonMapper().valueToTree(o);
  }
}
