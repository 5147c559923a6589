package dev.wharf.provisioning.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.core.AppRef;
import dev.wharf.core.KeycloakServer;
import dev.wharf.core.Names;
import dev.wharf.core.Secret;
import dev.wharf.core.TeamName;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ServiceException;
import dev.wharf.provisioning.Writes;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Apps' confidential OIDC clients in the platform realm, through Keycloak's admin REST API:
 * what the operator and {@code wharf up} give each app. Each call reads first and writes only
 * what differs. Thread-safe; calls for the same client are serialised. The realm itself, its
 * groups, users and public clients are {@link KeycloakRealmSetup}'s.
 */
public final class KeycloakProvisioner implements AutoCloseable {

  private final RealmApi realm;

  /** Provisions in the platform realm {@value Names#REALM}. */
  public KeycloakProvisioner(KeycloakServer server, Writes writes) {
    this(server, Names.REALM, writes);
  }

  public KeycloakProvisioner(KeycloakServer server, String realm, Writes writes) {
    this.realm = new RealmApi(server, realm, writes);
  }

  public String realm() {
    return realm.realm;
  }

  /** The realm's OIDC issuer, as this server is reached. */
  public String issuer() {
    return realm.server.issuer(realm.realm);
  }

  /** The OIDC client id of an app (OIDC_CLIENT_ID). */
  public String clientId(AppRef app) {
    return Names.keycloakClientId(app);
  }

  /**
   * Makes the realm's {@code groups} client scope exist and be a default scope, so app clients'
   * tokens carry the user's groups. The realm must exist. Reads only once it is set up.
   */
  public Outcome ensureGroupsScope() {
    return realm.locked("realm", () -> Outcome.of(realm.ensureGroupsScope() > 0 ? Change.UPDATED : Change.UNCHANGED));
  }

  /**
   * Ensures the app's confidential OIDC client: standard flow, the given redirect URIs and web
   * origins, tokens with aud = its client id and the user's groups. CREATED with the client
   * secret when new; UPDATED when settings were corrected (the secret is kept, unless the
   * client had been made public: then the outcome carries its new secret); UNCHANGED (no
   * writes) otherwise. Call {@link #ensureGroupsScope} first.
   */
  public Outcome ensureClient(AppRef app, TeamName team, OidcClientSpec spec) {
    return ensureClientChecking(app, team, spec).outcome();
  }

  /**
   * What {@link #ensureClientChecking} did, and the check of a stored secret against the client
   * it found, with no second lookup: Keycloak lists a confidential client with its secret, and
   * only when the listed one differs is the client-secret endpoint asked.
   */
  public record EnsuredClient(Outcome outcome, Predicate<Secret> holds) {}

  /** As {@link #ensureClient}, keeping what it found to check a stored secret against. */
  public EnsuredClient ensureClientChecking(AppRef app, TeamName team, OidcClientSpec spec) {
    String clientId = Names.keycloakClientId(app);
    ObjectNode settings = KeycloakModel.confidentialClientSettings(clientId, app.toString(),
        team.value(), spec);
    return realm.locked("client/" + clientId, () -> {
      var existing = realm.findClient(clientId);
      if (existing.isEmpty()) {
        var secret = Secret.generate();
        realm.api.send("POST", realm.clients(), KeycloakModel.newConfidentialClient(settings, secret),
            secret);
        return new EnsuredClient(Outcome.of(Change.CREATED, secret), secret::equals);
      }
      if (!KeycloakModel.madeFor(existing.get(), app)) {
        throw ServiceException.rejected("Keycloak", "Keycloak client " + clientId + " exists in realm " + realm.realm
            + " but was not made by Wharf for " + app + ": delete or rename that client, or give the App"
            + " another name");
      }
      JsonNode client = existing.get();
      Change change = realm.correct(client, settings);
      if (client.path("publicClient").asBoolean(false)) {
        // A client that was made public lost its secret; the caller must store the new one.
        Secret fresh = readSecret(client);
        return new EnsuredClient(Outcome.of(change, fresh), fresh::equals);
      }
      String listed = client.path("secret").asText("");
      return new EnsuredClient(Outcome.of(change),
          stored -> stored.reveal().equals(listed) || readSecret(client).equals(stored));
    });
  }

  /** The app's current client secret (a read: for checking a stored copy); empty if no client. */
  public Optional<Secret> readSecret(AppRef app) {
    return realm.findClient(Names.keycloakClientId(app)).map(this::readSecret);
  }

  private Secret readSecret(JsonNode client) {
    JsonNode credential = realm.api.get(realm.clients().add(client.path("id").asText(), "client-secret"))
        .orElseThrow(() -> ServiceException.rejected("Keycloak", "Keycloak has no secret for client "
            + client.path("clientId").asText()));
    return Secret.of(credential.path("value").asText());
  }

  /** Has Keycloak generate a new client secret; the old one stops working at once. */
  public Outcome rotateSecret(AppRef app) {
    String clientId = Names.keycloakClientId(app);
    return realm.locked("client/" + clientId, () -> {
      var client = realm.findClient(clientId);
      if (client.isEmpty()) {
        return Outcome.of(Change.ABSENT);
      }
      var response = realm.api.send("POST",
          realm.clients().add(client.get().path("id").asText(), "client-secret"), null, null);
      String value = realm.api.readTree(response.body()).path("value").asText();
      return Outcome.of(Change.UPDATED, Secret.of(value));
    });
  }

  /**
   * Deletes the app's client; tokens it issued can no longer be refreshed. A client of that id
   * that Wharf did not make for this app (no matching {@code wharf.dev/app} attribute) is not
   * the app's and stays: ABSENT, as when there is no client.
   */
  public Outcome deleteClient(AppRef app) {
    String clientId = Names.keycloakClientId(app);
    return realm.locked("client/" + clientId, () -> {
      var client = realm.findClient(clientId);
      if (client.isEmpty() || !KeycloakModel.madeFor(client.get(), app)) {
        return Outcome.of(Change.ABSENT);
      }
      realm.api.send("DELETE", realm.clients().add(client.get().path("id").asText()), null, null);
      return Outcome.of(Change.DELETED);
    });
  }

  @Override
  public void close() {
    realm.close();
  }

  /** For tests: the admin API, to read server-side evidence. */
  KeycloakApi admin() {
    return realm.api;
  }
}
