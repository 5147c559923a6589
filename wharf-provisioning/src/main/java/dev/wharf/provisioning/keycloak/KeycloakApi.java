package dev.wharf.provisioning.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.core.KeycloakServer;
import dev.wharf.core.Secret;
import dev.wharf.provisioning.ServiceException;
import dev.wharf.provisioning.Writes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Calls Keycloak's admin REST API as the master realm's administrator. The access token is
 * cached until shortly before it expires (fetching one per call would double the cost of
 * every call). Every mutating call goes through {@link #send} and is counted.
 */
final class KeycloakApi implements AutoCloseable {

  private static final String SERVICE = "Keycloak";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** Refresh this long before expiry so a token never runs out in flight. */
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(15);

  private final KeycloakServer server;
  private final Writes writes;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private String token;
  private Instant tokenExpires = Instant.EPOCH;

  KeycloakApi(KeycloakServer server, Writes writes) {
    this.server = server;
    this.writes = writes;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  @Override
  public void close() {
    http.close();
  }

  /** GET; empty on 404. */
  Optional<JsonNode> get(AdminPath path) {
    var response = call("GET", path, null, null);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    requireSuccess("GET", path, response, null);
    return Optional.of(readTree(response.body()));
  }

  /**
   * POST, PUT or DELETE, counted as one write. {@code secret}, when the body carries one, is
   * blanked out of any error message. Returns the response (for its Location or body); 404
   * on DELETE counts as done.
   */
  HttpResponse<String> send(String method, AdminPath path, Object body, Secret secret) {
    writes.record("keycloak " + method);
    var response = call(method, path, body, secret);
    if (!(method.equals("DELETE") && response.statusCode() == 404)) {
      requireSuccess(method, path, response, secret);
    }
    return response;
  }

  /** The id at the end of a 201 response's Location header. */
  static String createdId(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow(
        () -> ServiceException.rejected(SERVICE, "Keycloak answered a create without a Location header"));
    return location.substring(location.lastIndexOf('/') + 1);
  }

  JsonNode readTree(String body) {
    try {
      return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
    } catch (IOException e) {
      throw ServiceException.rejected(SERVICE, "Keycloak answered with unreadable JSON", e);
    }
  }

  private HttpResponse<String> call(String method, AdminPath path, Object body, Secret secret) {
    var response = exchange(method, path, body, secret, accessToken(false));
    if (response.statusCode() == 401) { // revoked or expired early: one fresh token, one retry
      response = exchange(method, path, body, secret, accessToken(true));
    }
    return response;
  }

  private HttpResponse<String> exchange(String method, AdminPath path, Object body,
      Secret secret, String bearer) {
    try {
      var builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
          .timeout(TIMEOUT)
          .header("Authorization", "Bearer " + bearer)
          .header("Accept", "application/json");
      if (body != null) {
        builder.header("Content-Type", "application/json")
            .method(method, BodyPublishers.ofString(json.writeValueAsString(body)));
      } else {
        builder.method(method, BodyPublishers.noBody());
      }
      return http.send(builder.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw ServiceException.unavailable(SERVICE, "Keycloak at " + server.baseUrl() + " is unreachable ("
          + method + " " + path + "): " + e.getClass().getSimpleName(), secret == null ? e : null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ServiceException.rejected(SERVICE, "interrupted while calling Keycloak");
    }
  }

  private synchronized String accessToken(boolean renew) {
    if (!renew && token != null && Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    String form = server.clientCredentials()
        ? "grant_type=client_credentials"
            + "&client_id=" + AdminPath.encode(server.adminUser())
            + "&client_secret=" + AdminPath.encode(server.adminPassword().reveal())
        : "grant_type=password&client_id=admin-cli"
            + "&username=" + AdminPath.encode(server.adminUser())
            + "&password=" + AdminPath.encode(server.adminPassword().reveal());
    var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/"
            + AdminPath.encode(server.authRealm()) + "/protocol/openid-connect/token"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(form))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw ServiceException.unavailable(SERVICE, "Keycloak at " + server.baseUrl()
          + " is unreachable (admin sign-in): " + e.getClass().getSimpleName(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ServiceException.rejected(SERVICE, "interrupted while signing in to Keycloak");
    }
    if (response.statusCode() != 200) {
      throw ServiceException.answered(SERVICE, response.statusCode(), "Keycloak at " + server.baseUrl()
          + " refused the administrator sign-in of \"" + server.adminUser() + "\" (HTTP "
          + response.statusCode() + "): check the admin " + (server.clientCredentials()
          ? "client id and secret" : "user and password") + " given to Wharf (realm "
          + server.authRealm() + ")");
    }
    JsonNode answer = readTree(response.body());
    token = answer.path("access_token").asText();
    long lifetime = answer.path("expires_in").asLong(60);
    tokenExpires = Instant.now().plusSeconds(lifetime).minus(EXPIRY_MARGIN);
    return token;
  }

  private static void requireSuccess(String method, AdminPath path,
      HttpResponse<String> response, Secret secret) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String body = response.body() == null ? "" : response.body();
    if (secret != null) {
      body = body.replace(secret.reveal(), "[redacted]");
    }
    if (body.length() > 300) {
      body = body.substring(0, 300) + "...";
    }
    throw ServiceException.answered(SERVICE, status, "Keycloak refused " + method + " " + path + " (HTTP "
        + status + "): " + body);
  }
}
