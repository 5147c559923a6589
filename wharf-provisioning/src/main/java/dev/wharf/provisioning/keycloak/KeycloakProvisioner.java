package dev.wharf.provisioning.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.DnsLabel;
import dev.wharf.provisioning.KeyedLocks;
import dev.wharf.provisioning.Names;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ProvisioningException;
import dev.wharf.provisioning.Secret;
import dev.wharf.provisioning.TeamName;
import dev.wharf.provisioning.Writes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform realm, team groups and per-app OIDC clients in Keycloak, through the admin REST
 * API. Each call reads first and writes only what differs. Thread-safe; calls for the same
 * client, group or user are serialised.
 */
public final class KeycloakProvisioner implements AutoCloseable {

  private final KeycloakServer server;
  private final String realm;
  private final KeycloakAdmin admin;
  private final KeyedLocks<String> locks = new KeyedLocks<>();

  /** Provisions in the platform realm {@value Names#REALM}. */
  public KeycloakProvisioner(KeycloakServer server, Writes writes) {
    this(server, Names.REALM, writes);
  }

  public KeycloakProvisioner(KeycloakServer server, String realm, Writes writes) {
    this.server = server;
    this.realm = DnsLabel.require("realm", realm);
    this.admin = new KeycloakAdmin(server, writes);
  }

  public String realm() {
    return realm;
  }

  /** OIDC_ISSUER_URI for apps. */
  public String issuer() {
    return server.issuer(realm);
  }

  /** The OIDC client id of an app (OIDC_CLIENT_ID). */
  public String clientId(AppRef app) {
    return Names.keycloakClientId(app);
  }

  /**
   * Ensures the realm exists and is enabled, with a {@code groups} client scope (claim
   * {@code groups}, group names without a leading slash) among the realm's default scopes,
   * so every client created afterwards puts the user's groups in its tokens.
   */
  public Outcome ensureRealm() {
    return locked("realm", () -> {
      boolean created = false;
      int writes = 0;
      var current = admin.get(AdminPath.realm(realm));
      if (current.isEmpty()) {
        admin.send("POST", AdminPath.realms(), KeycloakModel.realm(realm), null);
        created = true;
      } else if (!current.get().path("enabled").asBoolean(false)) {
        var enable = ((ObjectNode) current.get()).deepCopy().put("enabled", true);
        admin.send("PUT", AdminPath.realm(realm), enable, null);
        writes++;
      }
      String scopeId = ensureGroupsScope();
      if (scopeId == null) {
        writes++;
        scopeId = findGroupsScope().path("id").asText();
      }
      if (first(admin.get(AdminPath.realm(realm).add("default-default-client-scopes")),
          "name", Names.GROUPS_SCOPE).isEmpty()) {
        admin.send("PUT", AdminPath.realm(realm).add("default-default-client-scopes", scopeId),
            null, null);
        writes++;
      }
      return Outcome.of(created ? Change.CREATED : writes > 0 ? Change.UPDATED : Change.UNCHANGED);
    });
  }

  /** The group of a team. */
  public Outcome ensureGroup(TeamName team) {
    return ensureGroup(Names.keycloakGroup(team));
  }

  /** A top-level group such as {@value Names#PLATFORM_ADMINS_GROUP}; the name is a DNS label. */
  public Outcome ensureGroup(String name) {
    DnsLabel.require("group name", name);
    return locked("group/" + name, () -> {
      if (findGroup(name).isPresent()) {
        return Outcome.of(Change.UNCHANGED);
      }
      admin.send("POST", AdminPath.realm(realm).add("groups"), KeycloakModel.group(name), null);
      return Outcome.of(Change.CREATED);
    });
  }

  /**
   * Ensures the app's confidential OIDC client: standard flow, the given redirect URIs and web
   * origins, tokens with aud = its client id and the user's groups. CREATED with the client
   * secret when new; UPDATED when settings were corrected (the secret is kept, unless the
   * client had been made public: then the outcome carries its new secret); UNCHANGED (no
   * writes) otherwise. Call {@link #ensureRealm} first.
   */
  public Outcome ensureClient(AppRef app, TeamName team, OidcClientSpec spec) {
    String clientId = Names.keycloakClientId(app);
    ObjectNode settings = KeycloakModel.confidentialClientSettings(clientId, app.toString(),
        team.value(), spec);
    return locked("client/" + clientId, () -> {
      var existing = findClient(clientId);
      if (existing.isEmpty()) {
        var secret = Secret.generate();
        admin.send("POST", clients(), KeycloakModel.newConfidentialClient(settings, secret),
            secret);
        return Outcome.of(Change.CREATED, secret);
      }
      if (!KeycloakModel.madeFor(existing.get(), app)) {
        throw new ProvisioningException("Keycloak client " + clientId + " exists in realm " + realm
            + " but was not made by Wharf for " + app + ": delete or rename that client, or give the App"
            + " another name");
      }
      Change change = correct(existing.get(), settings);
      if (existing.get().path("publicClient").asBoolean(false)) {
        // A client that was made public lost its secret; the caller must store the new one.
        return Outcome.of(change, readSecret(existing.get()));
      }
      return Outcome.of(change);
    });
  }

  /**
   * Ensures a public client for developer sign-in (e.g. {@code kubernetes} for
   * {@code wharf login}): standard flow with PKCE S256, and the OAuth 2.0 device grant when
   * {@code deviceFlow}. The client id is a DNS label.
   */
  public Outcome ensurePublicClient(String clientId, List<String> redirectUris,
      boolean deviceFlow) {
    DnsLabel.require("client id", clientId);
    redirectUris.forEach(OidcClientSpec::checkRedirectUri);
    ObjectNode settings = KeycloakModel.publicClientSettings(clientId, redirectUris, deviceFlow);
    return locked("client/" + clientId, () -> {
      var existing = findClient(clientId);
      if (existing.isEmpty()) {
        admin.send("POST", clients(), KeycloakModel.newPublicClient(settings), null);
        return Outcome.of(Change.CREATED);
      }
      return Outcome.of(correct(existing.get(), settings));
    });
  }

  /** The app's current client secret (a read: for checking a stored copy); empty if no client. */
  public Optional<Secret> readSecret(AppRef app) {
    return findClient(Names.keycloakClientId(app)).map(this::readSecret);
  }

  private Secret readSecret(JsonNode client) {
    JsonNode credential = admin.get(clients().add(client.path("id").asText(), "client-secret"))
        .orElseThrow(() -> new ProvisioningException("Keycloak has no secret for client "
            + client.path("clientId").asText()));
    return Secret.of(credential.path("value").asText());
  }

  /** Has Keycloak generate a new client secret; the old one stops working at once. */
  public Outcome rotateSecret(AppRef app) {
    String clientId = Names.keycloakClientId(app);
    return locked("client/" + clientId, () -> {
      var client = findClient(clientId);
      if (client.isEmpty()) {
        return Outcome.of(Change.ABSENT);
      }
      var response = admin.send("POST",
          clients().add(client.get().path("id").asText(), "client-secret"), null, null);
      String value = admin.readTree(response.body()).path("value").asText();
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
    return locked("client/" + clientId, () -> {
      var client = findClient(clientId);
      if (client.isEmpty() || !KeycloakModel.madeFor(client.get(), app)) {
        return Outcome.of(Change.ABSENT);
      }
      admin.send("DELETE", clients().add(client.get().path("id").asText()), null, null);
      return Outcome.of(Change.DELETED);
    });
  }

  /**
   * Ensures a user (local demos and tests) who is a member of exactly {@code groups}, which
   * must exist. The password is set when the user is created; an existing user's password is
   * left alone. The username is a DNS label.
   */
  public Outcome ensureUser(String username, Secret password, List<String> groups) {
    DnsLabel.require("username", username);
    var wanted = new LinkedHashSet<String>();
    groups.forEach(g -> wanted.add(DnsLabel.require("group name", g)));
    return locked("user/" + username, () -> {
      var existing = findUser(username);
      String userId;
      boolean created = false;
      if (existing.isEmpty()) {
        var response = admin.send("POST", AdminPath.realm(realm).add("users"),
            KeycloakModel.newUser(username, password), password);
        userId = KeycloakAdmin.createdId(response);
        created = true;
      } else {
        userId = existing.get().path("id").asText();
      }
      var member = new HashMap<String, String>();
      if (!created) {
        admin.get(AdminPath.realm(realm).add("users", userId, "groups")).orElseThrow()
            .forEach(g -> member.put(g.path("name").asText(), g.path("id").asText()));
      }
      int changes = setGroups(username, userId, member, wanted);
      return Outcome.of(created ? Change.CREATED
          : changes > 0 ? Change.UPDATED : Change.UNCHANGED);
    });
  }

  /** Sets the password of an existing user (ensureUser gives a new user its password). */
  public Outcome resetPassword(String username, Secret password) {
    DnsLabel.require("username", username);
    return locked("user/" + username, () -> {
      String userId = findUser(username).orElseThrow(() -> new ProvisioningException(
          "Keycloak has no user \"" + username + "\" in realm " + realm + ": ensure it first")).path("id").asText();
      admin.send("PUT", AdminPath.realm(realm).add("users", userId, "reset-password"),
          KeycloakModel.password(password), password);
      return Outcome.of(Change.UPDATED);
    });
  }

  /**
   * Joins the groups of {@code wanted} the user is not in and leaves those of {@code member}
   * (name to id) that are not wanted; the number of writes.
   */
  private int setGroups(String username, String userId, Map<String, String> member,
      Set<String> wanted) {
    int changes = 0;
    for (String group : wanted) {
      if (!member.containsKey(group)) {
        String groupId = findGroup(group).orElseThrow(() -> new ProvisioningException(
            "Keycloak group \"" + group + "\" does not exist: ensure it before adding "
                + username + " to it")).path("id").asText();
        admin.send("PUT", AdminPath.realm(realm).add("users", userId, "groups", groupId),
            null, null);
        changes++;
      }
    }
    for (var entry : member.entrySet()) {
      if (!wanted.contains(entry.getKey())) {
        admin.send("DELETE",
            AdminPath.realm(realm).add("users", userId, "groups", entry.getValue()), null, null);
        changes++;
      }
    }
    return changes;
  }

  @Override
  public void close() {
    admin.close();
  }

  /** Writes the settings that differ and fixes the audience mapper; the change it made. */
  private Change correct(JsonNode client, ObjectNode settings) {
    String id = client.path("id").asText();
    String clientId = settings.path("clientId").asText();
    int writes = 0;
    if (!ClientCheck.settingsDiffer(client, settings).isEmpty()) {
      admin.send("PUT", clients().add(id), KeycloakModel.merged(client, settings), null);
      writes++;
    }
    JsonNode audience = ClientCheck.mapperNamed(client, KeycloakModel.AUDIENCE_MAPPER);
    if (!ClientCheck.mapperMatches(audience, "oidc-audience-mapper",
        KeycloakModel.audienceMapperConfig(clientId))) {
      putMapper(clients().add(id, "protocol-mappers", "models"), audience,
          KeycloakModel.audienceMapper(clientId));
      writes++;
    }
    if (client.has("defaultClientScopes")
        && !ClientCheck.hasDefaultScope(client, Names.GROUPS_SCOPE)) {
      String scopeId = findGroupsScope().path("id").asText();
      admin.send("PUT", clients().add(id, "default-client-scopes", scopeId), null, null);
      writes++;
    }
    return writes > 0 ? Change.UPDATED : Change.UNCHANGED;
  }

  /** Creates the groups client scope, or fixes its mapper; its id, or null when it wrote. */
  private String ensureGroupsScope() {
    JsonNode scope = findGroupsScope();
    if (scope == null) {
      admin.send("POST", AdminPath.realm(realm).add("client-scopes"),
          KeycloakModel.groupsScope(), null);
      return null;
    }
    JsonNode mapper = ClientCheck.mapperNamed(scope, KeycloakModel.GROUPS_MAPPER);
    if (!ClientCheck.mapperMatches(mapper, "oidc-group-membership-mapper",
        KeycloakModel.groupsMapperConfig())) {
      putMapper(AdminPath.realm(realm).add("client-scopes", scope.path("id").asText(),
          "protocol-mappers", "models"), mapper, KeycloakModel.groupsMapper());
      return null;
    }
    return scope.path("id").asText();
  }

  private void putMapper(AdminPath models, JsonNode current, ObjectNode wanted) {
    if (current == null) {
      admin.send("POST", models, wanted, null);
    } else {
      var replacement = wanted.deepCopy().put("id", current.path("id").asText());
      admin.send("PUT", models.add(current.path("id").asText()), replacement, null);
    }
  }

  private JsonNode findGroupsScope() {
    return first(admin.get(AdminPath.realm(realm).add("client-scopes")), "name",
        Names.GROUPS_SCOPE).orElse(null);
  }

  private Optional<JsonNode> findClient(String clientId) {
    return first(admin.get(clients().query("clientId", clientId).query("search", "false")),
        "clientId", clientId);
  }

  private Optional<JsonNode> findUser(String username) {
    return first(admin.get(AdminPath.realm(realm).add("users").query("username", username)
        .query("exact", "true")), "username", username);
  }

  private Optional<JsonNode> findGroup(String name) {
    return admin.get(AdminPath.realm(realm).add("group-by-path", name))
        .filter(g -> name.equals(g.path("name").asText()));
  }

  /** The entry of a realm listing whose {@code field} is {@code value}. */
  private Optional<JsonNode> first(Optional<JsonNode> list, String field, String value) {
    var array = list.orElseThrow(() -> new ProvisioningException("Keycloak realm \"" + realm
        + "\" does not exist: call ensureRealm first"));
    for (JsonNode node : array) {
      if (value.equals(node.path(field).asText())) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  private AdminPath clients() {
    return AdminPath.realm(realm).add("clients");
  }

  private interface Work {
    Outcome run();
  }

  private Outcome locked(String key, Work work) {
    try (var held = locks.hold(key)) {
      return work.run();
    }
  }

  /** For tests: the admin client, to read server-side evidence. */
  KeycloakAdmin admin() {
    return admin;
  }
}
