package dev.wharf.login.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.core.KeycloakServer;
import dev.wharf.core.Secret;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.keycloak.KeycloakRealmSetup;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A realm for sign-in tests on the shared Keycloak: short token lifespans (so refresh is
 * testable without long sleeps), the public {@code kubernetes} client with a {@code groups}
 * claim and the device grant, a client that requires consent, and one user in group
 * {@code team-a}.
 */
public final class TestRealm {

  public static final String CLIENT = "kubernetes";
  public static final String CONSENT_CLIENT = "kubernetes-consent";
  public static final String USER = "alice";
  public static final String PASSWORD = "alice-Secret-1";
  public static final String GROUP = "team-a";
  /** Access and ID token lifespan in the test realm. */
  public static final int TOKEN_SECONDS = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeycloakServer keycloak;
  private final String realm;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestRealm(KeycloakServer keycloak, String realm) {
    this.keycloak = keycloak;
    this.realm = realm;
  }

  /** Creates {@code realm} (replacing one left over from an earlier run). */
  public static TestRealm create(KeycloakServer keycloak, String realm) {
    TestRealm r = new TestRealm(keycloak, realm);
    r.setUp();
    return r;
  }

  public String issuer() {
    return keycloak.issuer(realm);
  }

  public String realm() {
    return realm;
  }

  /**
   * The realm, group, {@code kubernetes} client and user come from Wharf's own provisioner, so
   * these tests also prove that the client it makes works with wharf login. Admin REST adds
   * what only tests need: short token lifespans and a client that asks for consent.
   */
  private void setUp() {
    String token = adminToken();
    admin(token, "DELETE", "/admin/realms/" + realm, null, 204, 404);
    KeycloakServer server = keycloak;
    try (KeycloakRealmSetup provisioner = new KeycloakRealmSetup(server, realm, new Writes())) {
      provisioner.ensureRealm();
      provisioner.ensureGroup(GROUP);
      provisioner.ensurePublicClient(CLIENT, List.of("http://127.0.0.1/*"), true);
      provisioner.ensureUser(USER, Secret.of(PASSWORD), List.of(GROUP));
    }
    admin(token, "PUT", "/admin/realms/" + realm, Map.of(
        "accessTokenLifespan", TOKEN_SECONDS,
        "ssoSessionIdleTimeout", 1800,
        "ssoSessionMaxLifespan", 36000), 204);
    admin(token, "POST", "/admin/realms/" + realm + "/clients", consentClient(), 201);
  }

  /** Like the sign-in client, but Keycloak asks the user to approve (or deny) access. */
  private static Map<String, Object> consentClient() {
    return Map.of(
        "clientId", CONSENT_CLIENT,
        "publicClient", true,
        "standardFlowEnabled", true,
        "directAccessGrantsEnabled", false,
        "consentRequired", true,
        "redirectUris", List.of("http://127.0.0.1/*"),
        "attributes", Map.of("pkce.code.challenge.method", "S256"));
  }

  private String adminToken() {
    String form = "grant_type=password&client_id=admin-cli&username="
        + URLEncoder.encode(keycloak.adminUser(), StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(keycloak.adminPassword().reveal(), StandardCharsets.UTF_8);
    HttpResponse<String> r = send(HttpRequest.newBuilder(
            URI.create(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Keycloak admin sign-in failed: HTTP " + r.statusCode());
    }
    try {
      JsonNode json = JSON.readTree(r.body());
      return json.get("access_token").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void admin(String token, String method, String path, Object body, int... ok) {
    try {
      HttpRequest.BodyPublisher publisher = body == null
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + path))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .method(method, publisher).build());
      for (int code : ok) {
        if (r.statusCode() == code) {
          return;
        }
      }
      throw new IllegalStateException(method + " " + path + " answered HTTP " + r.statusCode()
          + ": " + r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak admin call failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
