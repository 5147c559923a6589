package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.core.AppRef;
import dev.wharf.core.KeycloakServer;
import dev.wharf.core.Secret;
import dev.wharf.core.TeamName;
import dev.wharf.local.Service;
import dev.wharf.local.SharedRuntime;
import dev.wharf.operator.config.OperatorConfig;
import dev.wharf.operator.config.Settings;
import dev.wharf.operator.testing.OperatorHarness;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's Keycloak account as the cluster has it: realm {@code wharf} exactly as
 * gitops/services/keycloak/config/realm-wharf.yaml imports it (under another realm name, so
 * other tests are not disturbed), and the operator signed in as that realm's service-account
 * client {@code wharf-operator} with only the realm-management roles the import gives it.
 * It must be able to do everything the OIDC step does, and app clients must get the groups claim.
 * The account comes from the operator's own ConfigMap, read the way the operator reads it.
 */
class ClusterKeycloakAccountIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void serviceAccountOfTheImportedRealmProvisionsAppClients(@TempDir Path dir) throws Exception {
    KeycloakServer kc = SharedRuntime.get(Service.KEYCLOAK).keycloak();
    String realm = "wharf-import-" + UUID.randomUUID().toString().substring(0, 8);
    String operatorSecret = "operator-" + UUID.randomUUID();
    importRealm(kc, realm, operatorSecret);

    KeycloakServer account = clusterConfig(kc, realm, operatorSecret, dir).keycloak();
    assertThat(account.clientCredentials()).isTrue();
    // What the OIDC step asks of Keycloak (see AppProvisioning#ensureOidc), as this account.
    try (var keycloak = new KeycloakProvisioner(account, realm, new Writes())) {
      keycloak.ensureGroupsScope();
      AppRef app = AppRef.of("team-a", "imported");
      OidcClientSpec spec = OidcClientSpec.of(List.of("https://imported.apps.wharf.example.com/*"),
          List.of("https://imported.apps.wharf.example.com"));
      var created = keycloak.ensureClient(app, TeamName.of("team-a"), spec);
      assertThat(created.change()).isEqualTo(Change.CREATED);
      Secret secret = created.secret().orElseThrow();
      assertThat(keycloak.readSecret(app)).contains(secret);
      assertThat(keycloak.ensureClient(app, TeamName.of("team-a"), spec).change()).isEqualTo(Change.UNCHANGED);
      Secret rotated = keycloak.rotateSecret(app).secret().orElseThrow();
      assertThat(keycloak.readSecret(app)).contains(rotated);
      assertThat(clientScopes(kc, realm, keycloak.clientId(app))).as("app tokens carry the groups claim").contains("groups");
      assertThat(keycloak.deleteClient(app).change()).isEqualTo(Change.DELETED);
    }
  }

  /**
   * The operator's settings as the cluster gives them: the ConfigMap of
   * gitops/services/wharf-operator/config.yaml, the client secret in a mounted file, and only
   * the Keycloak address and the (renamed) realm pointed at the local server.
   */
  static OperatorConfig clusterConfig(KeycloakServer kc, String realm, String operatorSecret, Path dir) throws Exception {
    String yaml = Files.readString(OperatorHarness.locate("gitops/services/wharf-operator/config.yaml"));
    Map<String, String> env = new HashMap<>(Serialization.unmarshal(yaml, ConfigMap.class).getData());
    env.put("KEYCLOAK_URL", kc.baseUrl());
    env.put("KEYCLOAK_ADMIN_REALM", realm);
    Path secretFile = Files.writeString(dir.resolve("keycloak-client-secret"), operatorSecret + "\n");
    env.put("KEYCLOAK_CLIENT_SECRET_FILE", secretFile.toString());
    for (String other : List.of("MYSQL_ADMIN_PASSWORD", "REDIS_ADMIN_PASSWORD", "HARBOR_PASSWORD")) {
      env.put(other, "unused-here");
    }
    return OperatorConfig.fromEnv(new Settings(env));
  }

  /** Creates the realm from the realm import's representation, as the Keycloak operator does. */
  static void importRealm(KeycloakServer kc, String realm, String operatorSecret) throws Exception {
    String yaml = Files.readString(OperatorHarness.locate(
        "gitops/services/keycloak/config/realm-wharf.yaml"));
    yaml = yaml.replace("${WHARF_OPERATOR_CLIENT_SECRET}", operatorSecret)
        .replaceAll("\\$\\{[A-Z_]+_CLIENT_SECRET}", "placeholder-" + UUID.randomUUID());
    GenericKubernetesResource realmImport = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    ObjectNode rep = (ObjectNode) JSON.valueToTree(realmImport.getAdditionalProperties().get("spec")).path("realm");
    rep.put("realm", realm);
    var response = admin(kc, "POST", "/admin/realms", rep);
    assertThat(response.statusCode()).as("realm import: %s", response.body()).isEqualTo(201);
  }

  static List<String> clientScopes(KeycloakServer kc, String realm, String clientId) throws Exception {
    JsonNode found = JSON.readTree(admin(kc, "GET", "/admin/realms/" + realm + "/clients?clientId="
        + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null).body());
    String id = found.get(0).path("id").asText();
    JsonNode scopes = JSON.readTree(admin(kc, "GET", "/admin/realms/" + realm + "/clients/" + id
        + "/default-client-scopes", null).body());
    return scopes.findValuesAsText("name");
  }

  static HttpResponse<String> admin(KeycloakServer kc, String method, String path, Object body) throws Exception {
    String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(kc.adminUser(), StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(kc.adminPassword().reveal(), StandardCharsets.UTF_8);
    var token = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(kc.baseUrl() + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
    var req = HttpRequest.newBuilder(URI.create(kc.baseUrl() + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }
}
