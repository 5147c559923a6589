package dev.wharf.operator.testing;

import dev.wharf.api.OidcSpec;
import dev.wharf.local.LocalRuntime;
import dev.wharf.operator.reconcile.KeycloakOidcClients;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.Names;
import dev.wharf.provisioning.Secret;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.KeycloakServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** OIDC clients on the runtime's real Keycloak, and checks against it. */
public final class TestOidc {
  private TestOidc() {}

  public static OidcSpec spec() {
    return new OidcSpec(true, List.of("https://app.apps.wharf.example.com/*"), List.of("https://app.apps.wharf.example.com"));
  }

  public static KeycloakProvisioner provisioner(LocalRuntime runtime, Writes writes) {
    var k = runtime.keycloak();
    return new KeycloakProvisioner(new KeycloakServer(k.baseUrl(), k.adminUser(), Secret.of(k.adminPassword())), writes);
  }

  public static KeycloakOidcClients clients(LocalRuntime runtime, Writes writes) {
    KeycloakProvisioner p = provisioner(runtime, writes);
    return new KeycloakOidcClients(p, p.issuer());
  }

  /** True when Keycloak's current secret of the client is this one. */
  public static boolean clientSecretWorks(LocalRuntime runtime, String clientId, String secret) {
    try (KeycloakProvisioner p = provisioner(runtime, new Writes())) {
      return p.readSecret(ref(clientId)).map(s -> s.reveal().equals(secret)).orElse(false);
    }
  }

  public static void deleteClient(LocalRuntime runtime, String clientId) {
    try (KeycloakProvisioner p = provisioner(runtime, new Writes())) {
      p.deleteClient(ref(clientId));
    }
  }

  /** Makes a public client in realm wharf as a person would by hand: without Wharf's marker attribute. */
  public static void createForeignClient(LocalRuntime runtime, String clientId) {
    var created = admin(runtime, "POST", "/clients",
        "{\"clientId\":\"" + clientId + "\",\"enabled\":true,\"publicClient\":true,\"protocol\":\"openid-connect\"}");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Keycloak answered " + created.statusCode() + " to creating client " + clientId);
    }
  }

  /** True when realm wharf has a client of that id, whoever made it. */
  public static boolean clientExists(LocalRuntime runtime, String clientId) {
    var found = admin(runtime, "GET", "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null);
    return found.statusCode() == 200 && !found.body().strip().equals("[]");
  }

  /** One call to realm wharf's admin API as the master realm's administrator. */
  private static HttpResponse<String> admin(LocalRuntime runtime, String method, String path, String json) {
    var k = runtime.keycloak();
    try (HttpClient http = HttpClient.newHttpClient()) {
      String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(k.adminUser(), StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(k.adminPassword(), StandardCharsets.UTF_8);
      var token = http.send(HttpRequest.newBuilder(URI.create(k.baseUrl() + "/realms/master/protocol/openid-connect/token"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofString());
      String access = new ObjectMapper().readTree(token.body()).path("access_token").asText();
      var request = HttpRequest.newBuilder(URI.create(k.baseUrl() + "/admin/realms/" + Names.REALM + path))
          .header("Authorization", "Bearer " + access).header("Content-Type", "application/json")
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Client ids are {@code <namespace>.<app>}. */
  private static AppRef ref(String clientId) {
    int dot = clientId.indexOf('.');
    return AppRef.of(clientId.substring(0, dot), clientId.substring(dot + 1));
  }
}
