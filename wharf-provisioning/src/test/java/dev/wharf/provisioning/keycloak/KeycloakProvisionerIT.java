package dev.wharf.provisioning.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.InvalidNameException;
import dev.wharf.provisioning.Names;
import dev.wharf.provisioning.ProvisioningException;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ProvisioningException;
import dev.wharf.provisioning.Secret;
import dev.wharf.provisioning.TeamName;
import dev.wharf.provisioning.TestServers;
import dev.wharf.provisioning.Writes;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the shared local Keycloak. */
class KeycloakProvisionerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static KeycloakServer server;
  private static Writes writes;
  private static KeycloakProvisioner keycloak;

  @BeforeAll
  static void start() {
    server = TestServers.keycloak();
    writes = new Writes();
    keycloak = new KeycloakProvisioner(server, writes);
    keycloak.ensureRealm();
    enableAdminEvents();
  }

  /** Admin events are the server's own record of every admin write. */
  private static void enableAdminEvents() {
    var admin = keycloak.admin();
    var path = AdminPath.realm(Names.REALM).add("events", "config");
    var config = (ObjectNode) admin.get(path).orElseThrow();
    if (!config.path("adminEventsEnabled").asBoolean()) {
      config.put("adminEventsEnabled", true);
      admin.send("PUT", path, config, null);
    }
  }

  private static int adminEventsOnServer() {
    return keycloak.admin().get(AdminPath.realm(Names.REALM).add("admin-events")
        .query("first", "0").query("max", "100000")).orElseThrow().size();
  }

  private static AppRef newApp(String name) {
    return AppRef.of(TestServers.uniqueNamespace("kc"), name);
  }

  private static OidcClientSpec demoSpec(AppRef app) {
    return new OidcClientSpec(List.of("https://" + app.name() + ".apps.wharf.example.com/*"),
        List.of("https://" + app.name() + ".apps.wharf.example.com"), true);
  }

  private static HttpResponse<String> passwordGrant(String clientId, Secret clientSecret,
      String username, Secret password) throws Exception {
    Map<String, String> form = Map.of("grant_type", "password", "client_id", clientId,
        "client_secret", clientSecret.reveal(), "username", username,
        "password", password.reveal(), "scope", "openid");
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    var request = HttpRequest.newBuilder(
            URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode claims(String jwt) throws Exception {
    String payload = jwt.split("\\.")[1];
    return JSON.readTree(Base64.getUrlDecoder().decode(payload));
  }

  private static List<String> texts(JsonNode node) {
    var out = new ArrayList<String>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (!node.isMissingNode()) {
      out.add(node.asText());
    }
    return out;
  }

  /** A team group, an app client and a member of the team; returns the client secret. */
  private record Setup(AppRef app, TeamName team, String user, Secret password, Secret secret) {}

  private static Setup setUp(String appName) {
    var app = newApp(appName);
    var team = TeamName.of(app.namespace());
    assertThat(keycloak.ensureGroup(team).change()).isEqualTo(Change.CREATED);
    var created = keycloak.ensureClient(app, team, demoSpec(app));
    assertThat(created.change()).isEqualTo(Change.CREATED);
    String user = "u-" + app.namespace();
    var password = Secret.generate();
    assertThat(keycloak.ensureUser(user, password, List.of(team.value())).change())
        .isEqualTo(Change.CREATED);
    return new Setup(app, team, user, password, created.secret().orElseThrow());
  }

  @Test
  void tokenOfAnAppsClientCarriesItsAudienceAndTheUsersGroups() throws Exception {
    var s = setUp("greeter");
    var response = passwordGrant(keycloak.clientId(s.app()), s.secret(), s.user(), s.password());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var tokens = JSON.readTree(response.body());
    var access = claims(tokens.path("access_token").asText());
    assertThat(texts(access.path("aud"))).contains(keycloak.clientId(s.app()));
    assertThat(texts(access.path("groups"))).containsExactly(s.team().value());
    assertThat(access.path("iss").asText()).isEqualTo(keycloak.issuer());
    var id = claims(tokens.path("id_token").asText());
    assertThat(texts(id.path("groups"))).containsExactly(s.team().value());
    var other = passwordGrant(keycloak.clientId(s.app()), Secret.of("not-the-secret"), s.user(),
        s.password());
    assertThat(other.statusCode()).isEqualTo(401);
  }

  @Test
  void aResetPasswordReplacesTheOldOne() throws Exception {
    var s = setUp("reset");
    var fresh = Secret.generate();
    assertThat(keycloak.resetPassword(s.user(), fresh).change()).isEqualTo(Change.UPDATED);
    assertThat(passwordGrant(keycloak.clientId(s.app()), s.secret(), s.user(), fresh).statusCode()).isEqualTo(200);
    assertThat(passwordGrant(keycloak.clientId(s.app()), s.secret(), s.user(), s.password()).statusCode())
        .isEqualTo(401);
    assertThatThrownBy(() -> keycloak.resetPassword("nobody-here", fresh))
        .isInstanceOf(ProvisioningException.class).hasMessageContaining("no user \"nobody-here\"");
  }

  @Test
  void secondEnsureReportsUnchangedAndWritesNothing() {
    var s = setUp("idem");
    long countedBefore = writes.count();
    int eventsBefore = adminEventsOnServer();
    var clientBefore = keycloak.admin().get(AdminPath.realm(Names.REALM).add("clients")
        .query("clientId", keycloak.clientId(s.app()))).orElseThrow();
    assertThat(keycloak.ensureRealm().change()).isEqualTo(Change.UNCHANGED);
    assertThat(keycloak.ensureGroup(s.team()).change()).isEqualTo(Change.UNCHANGED);
    var again = keycloak.ensureClient(s.app(), s.team(), demoSpec(s.app()));
    assertThat(again.change()).isEqualTo(Change.UNCHANGED);
    assertThat(again.secret()).isEmpty();
    assertThat(keycloak.ensureUser(s.user(), s.password(), List.of(s.team().value())).change())
        .isEqualTo(Change.UNCHANGED);
    assertThat(keycloak.readSecret(s.app())).contains(s.secret());
    assertThat(writes.count()).isEqualTo(countedBefore);
    assertThat(adminEventsOnServer()).isEqualTo(eventsBefore);
    assertThat(keycloak.admin().get(AdminPath.realm(Names.REALM).add("clients")
        .query("clientId", keycloak.clientId(s.app()))).orElseThrow()).isEqualTo(clientBefore);
  }

  @Test
  void rotationRetiresTheOldSecret() throws Exception {
    var s = setUp("rotate");
    var rotated = keycloak.rotateSecret(s.app());
    assertThat(rotated.change()).isEqualTo(Change.UPDATED);
    var fresh = rotated.secret().orElseThrow();
    assertThat(fresh).isNotEqualTo(s.secret());
    assertThat(keycloak.readSecret(s.app())).contains(fresh);
    String clientId = keycloak.clientId(s.app());
    assertThat(passwordGrant(clientId, s.secret(), s.user(), s.password()).statusCode())
        .isEqualTo(401);
    assertThat(passwordGrant(clientId, fresh, s.user(), s.password()).statusCode())
        .isEqualTo(200);
    assertThat(keycloak.rotateSecret(newApp("never-made")).change()).isEqualTo(Change.ABSENT);
  }

  @Test
  void driftIsCorrectedAndTheSecretKept() throws Exception {
    var s = setUp("drift");
    var admin = keycloak.admin();
    var clients = AdminPath.realm(Names.REALM).add("clients");
    var client = (ObjectNode) admin.get(clients.query("clientId", keycloak.clientId(s.app())))
        .orElseThrow().get(0);
    String id = client.path("id").asText();
    client.putArray("redirectUris").add("https://evil.example.com/*");
    client.put("directAccessGrantsEnabled", false);
    admin.send("PUT", AdminPath.realm(Names.REALM).add("clients", id), client, null);
    var audience = ClientCheck.mapperNamed(client, KeycloakModel.AUDIENCE_MAPPER);
    admin.send("DELETE", AdminPath.realm(Names.REALM).add("clients", id, "protocol-mappers",
        "models", audience.path("id").asText()), null, null);

    var fixed = keycloak.ensureClient(s.app(), s.team(), demoSpec(s.app()));
    assertThat(fixed.change()).isEqualTo(Change.UPDATED);
    assertThat(fixed.secret()).isEmpty();
    var now = admin.get(AdminPath.realm(Names.REALM).add("clients", id)).orElseThrow();
    assertThat(texts(now.path("redirectUris"))).containsExactly(
        "https://drift.apps.wharf.example.com/*");
    assertThat(now.path("directAccessGrantsEnabled").asBoolean()).isTrue();
    assertThat(keycloak.readSecret(s.app())).contains(s.secret());
    var response = passwordGrant(keycloak.clientId(s.app()), s.secret(), s.user(), s.password());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(texts(claims(JSON.readTree(response.body()).path("access_token").asText())
        .path("aud"))).contains(keycloak.clientId(s.app()));
    assertThat(keycloak.ensureClient(s.app(), s.team(), demoSpec(s.app())).change())
        .isEqualTo(Change.UNCHANGED);
  }

  @Test
  void clientMadePublicIsMadeConfidentialAgainWithASecretThatWorks() throws Exception {
    var s = setUp("public");
    var admin = keycloak.admin();
    var client = (ObjectNode) admin.get(AdminPath.realm(Names.REALM).add("clients")
        .query("clientId", keycloak.clientId(s.app()))).orElseThrow().get(0);
    client.put("publicClient", true);
    admin.send("PUT", AdminPath.realm(Names.REALM).add("clients", client.path("id").asText()),
        client, null);
    var fixed = keycloak.ensureClient(s.app(), s.team(), demoSpec(s.app()));
    assertThat(fixed.change()).isEqualTo(Change.UPDATED);
    var secret = fixed.secret().orElseThrow();
    var response = passwordGrant(keycloak.clientId(s.app()), secret, s.user(), s.password());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void deletedClientCanNoLongerSignIn() throws Exception {
    var s = setUp("gone");
    assertThat(keycloak.deleteClient(s.app()).change()).isEqualTo(Change.DELETED);
    assertThat(passwordGrant(keycloak.clientId(s.app()), s.secret(), s.user(), s.password())
        .statusCode()).isIn(400, 401);
    assertThat(keycloak.readSecret(s.app())).isEmpty();
    assertThat(keycloak.deleteClient(s.app()).change()).isEqualTo(Change.ABSENT);
  }

  @Test
  void aClientOfTheAppsIdThatWharfDidNotMakeIsNeitherTakenOverNorDeleted() {
    // Made by hand (no wharf.dev/app attribute): it is not the app's to change or delete.
    var app = newApp("foreign");
    var client = JSON.createObjectNode().put("clientId", keycloak.clientId(app)).put("enabled", true)
        .put("protocol", "openid-connect").put("publicClient", true);
    keycloak.admin().send("POST", AdminPath.realm(Names.REALM).add("clients"), client, null);

    assertThatThrownBy(() -> keycloak.ensureClient(app, TeamName.of(app.namespace()), demoSpec(app)))
        .isInstanceOf(ProvisioningException.class)
        .hasMessageContaining(keycloak.clientId(app)).hasMessageContaining("not made by Wharf");
    assertThat(keycloak.deleteClient(app).change()).isEqualTo(Change.ABSENT);
    var still = keycloak.admin().get(AdminPath.realm(Names.REALM).add("clients")
        .query("clientId", keycloak.clientId(app))).orElseThrow();
    assertThat(still).hasSize(1);
    assertThat(still.get(0).path("publicClient").asBoolean()).as("left as its maker set it").isTrue();
  }

  @Test
  void userGroupsFollowTheList() {
    var a = TeamName.of(TestServers.uniqueNamespace("team"));
    var b = TeamName.of(TestServers.uniqueNamespace("team"));
    keycloak.ensureGroup(a);
    keycloak.ensureGroup(b);
    String user = "u-" + a.value();
    var password = Secret.generate();
    assertThat(keycloak.ensureUser(user, password, List.of(a.value())).change())
        .isEqualTo(Change.CREATED);
    assertThat(keycloak.ensureUser(user, password, List.of(b.value())).change())
        .isEqualTo(Change.UPDATED);
    assertThat(keycloak.ensureUser(user, password, List.of(b.value())).change())
        .isEqualTo(Change.UNCHANGED);
    assertThatThrownBy(() -> keycloak.ensureUser(user, password, List.of("no-such-group-x")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void publicClientForDeveloperSignIn() {
    String clientId = TestServers.uniqueNamespace("kubernetes");
    var uris = List.of("http://localhost:8000/*", "http://127.0.0.1:8000/*");
    assertThat(keycloak.ensurePublicClient(clientId, uris, true).change())
        .isEqualTo(Change.CREATED);
    assertThat(keycloak.ensurePublicClient(clientId, uris, true).change())
        .isEqualTo(Change.UNCHANGED);
    var client = keycloak.admin().get(AdminPath.realm(Names.REALM).add("clients")
        .query("clientId", clientId)).orElseThrow().get(0);
    assertThat(client.path("publicClient").asBoolean()).isTrue();
    assertThat(client.path("attributes").path("pkce.code.challenge.method").asText())
        .isEqualTo("S256");
    assertThat(client.path("attributes").path("oauth2.device.authorization.grant.enabled")
        .asText()).isEqualTo("true");
    assertThat(keycloak.ensurePublicClient(clientId, uris, false).change())
        .isEqualTo(Change.UPDATED);
  }

  @Test
  void twentyClientsInParallelAreEachCreatedOnce() throws Exception {
    var team = TeamName.of(TestServers.uniqueNamespace("par"));
    keycloak.ensureGroup(team);
    var apps = new ArrayList<AppRef>();
    for (int i = 0; i < 20; i++) {
      apps.add(AppRef.of(team.value(), "app-" + i));
    }
    var first = runInParallel(apps, team);
    assertThat(first).allSatisfy(o -> assertThat(o.change()).isEqualTo(Change.CREATED));
    assertThat(new HashSet<>(first.stream().map(o -> o.secret().orElseThrow()).toList()))
        .hasSize(20);
    assertThat(runInParallel(apps, team))
        .allSatisfy(o -> assertThat(o.change()).isEqualTo(Change.UNCHANGED));
    var all = keycloak.admin().get(AdminPath.realm(Names.REALM).add("clients")
        .query("clientId", team.value() + ".").query("search", "true").query("max", "1000"))
        .orElseThrow();
    assertThat(all.size()).isEqualTo(20);
  }

  private static List<Outcome> runInParallel(List<AppRef> apps, TeamName team) throws Exception {
    try (var pool = Executors.newFixedThreadPool(apps.size())) {
      var tasks = new ArrayList<Callable<Outcome>>();
      for (var app : apps) {
        tasks.add(() -> keycloak.ensureClient(app, team, demoSpec(app)));
      }
      var outcomes = new ArrayList<Outcome>();
      for (Future<Outcome> f : pool.invokeAll(tasks)) {
        outcomes.add(f.get());
      }
      return outcomes;
    }
  }

  @Test
  void badInputIsRejectedBeforeAnyServerCall() {
    var nowhere = new KeycloakProvisioner(
        new KeycloakServer("http://127.0.0.1:1", "admin", Secret.of("x")), new Writes());
    assertThatThrownBy(() -> nowhere.ensureGroup("Team A"))
        .isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> nowhere.ensureUser("alice; drop", Secret.of("p"), List.of()))
        .isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> nowhere.ensurePublicClient("kubernetes",
        List.of("not a uri"), true)).isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> nowhere.ensureClient(AppRef.of("team-a", "greeter"),
        TeamName.of("team-a"), OidcClientSpec.of(List.of("ftp://x/"), List.of())))
        .isInstanceOf(InvalidNameException.class);
  }

  /**
   * In a cluster the operator signs in as a service-account client of realm wharf (no human's
   * password): such a client with realm-management's realm-admin role can manage app clients.
   */
  @Test
  void serviceAccountClientOfTheRealmCanProvisionClients() {
    var admin = keycloak.admin();
    String operatorId = "wharf-operator-" + TestServers.uniqueNamespace("sa");
    var client = JSON.createObjectNode()
        .put("clientId", operatorId)
        .put("publicClient", false)
        .put("serviceAccountsEnabled", true)
        .put("standardFlowEnabled", false);
    String internalId = KeycloakAdmin.createdId(
        admin.send("POST", AdminPath.realm(Names.REALM).add("clients"), client, null));
    String secret = admin.get(AdminPath.realm(Names.REALM).add("clients", internalId, "client-secret"))
        .orElseThrow().path("value").asText();
    String userId = admin.get(AdminPath.realm(Names.REALM)
        .add("clients", internalId, "service-account-user")).orElseThrow().path("id").asText();
    JsonNode realmManagement = admin.get(AdminPath.realm(Names.REALM).add("clients")
        .query("clientId", "realm-management")).orElseThrow().get(0);
    String rmId = realmManagement.path("id").asText();
    JsonNode realmAdmin = admin.get(AdminPath.realm(Names.REALM)
        .add("clients", rmId, "roles", "realm-admin")).orElseThrow();
    admin.send("POST", AdminPath.realm(Names.REALM)
        .add("users", userId, "role-mappings", "clients", rmId), List.of(realmAdmin), null);

    var asOperator = new KeycloakProvisioner(KeycloakServer.serviceAccount(server.baseUrl(),
        Names.REALM, operatorId, Secret.of(secret)), new Writes());
    var app = newApp("svc");
    Outcome created = asOperator.ensureClient(app, TeamName.of(app.namespace()), demoSpec(app));
    assertThat(created.change()).isEqualTo(Change.CREATED);
    assertThat(asOperator.readSecret(app)).isPresent();
    asOperator.close();

    var wrong = new KeycloakProvisioner(KeycloakServer.serviceAccount(server.baseUrl(),
        Names.REALM, operatorId, Secret.of("not-the-secret")), new Writes());
    assertThatThrownBy(() -> wrong.readSecret(app))
        .hasMessageContaining("client id and secret")
        .hasMessageNotContaining("not-the-secret");
    wrong.close();
  }
}
