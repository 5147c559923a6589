package dev.wharf.provisioning.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.core.DnsLabel;
import dev.wharf.core.KeycloakServer;
import dev.wharf.core.Names;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.KeyedLocks;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ServiceException;
import dev.wharf.provisioning.Writes;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One realm's admin API as both the app clients ({@link KeycloakProvisioner}) and the realm
 * setup ({@link KeycloakRealmSetup}) use it: lookups, the groups scope every client gets, and
 * the correction of a client's settings. Calls for the same key are serialised.
 */
final class RealmApi implements AutoCloseable {
  final KeycloakServer server;
  final String realm;
  final KeycloakApi api;
  private final KeyedLocks<String> locks = new KeyedLocks<>();

  RealmApi(KeycloakServer server, String realm, Writes writes) {
    this.server = server;
    this.realm = DnsLabel.require("realm", realm);
    this.api = new KeycloakApi(server, writes);
  }

  AdminPath path(String... segments) {
    return AdminPath.realm(realm).add(segments);
  }

  AdminPath clients() {
    return path("clients");
  }

  /**
   * Makes the {@code groups} client scope (claim {@code groups}, group names without a leading
   * slash) exist and be one of the realm's default scopes, so every client made afterwards puts
   * the user's groups in its tokens; the number of writes.
   */
  int ensureGroupsScope() {
    int writes = 0;
    String scopeId = groupsScopeId();
    if (scopeId == null) {
      writes++;
      scopeId = findGroupsScope().path("id").asText();
    }
    if (first(api.get(path("default-default-client-scopes")), "name", Names.GROUPS_SCOPE).isEmpty()) {
      api.send("PUT", path("default-default-client-scopes", scopeId), null, null);
      writes++;
    }
    return writes;
  }

  /** The groups scope's id, after creating it or fixing its mapper: null when it wrote. */
  private String groupsScopeId() {
    JsonNode scope = findGroupsScope();
    if (scope == null) {
      api.send("POST", path("client-scopes"), KeycloakModel.groupsScope(), null);
      return null;
    }
    JsonNode mapper = ClientCheck.mapperNamed(scope, KeycloakModel.GROUPS_MAPPER);
    if (!ClientCheck.mapperMatches(mapper, "oidc-group-membership-mapper", KeycloakModel.groupsMapperConfig())) {
      putMapper(path("client-scopes", scope.path("id").asText(), "protocol-mappers", "models"), mapper,
          KeycloakModel.groupsMapper());
      return null;
    }
    return scope.path("id").asText();
  }

  /** Writes the settings that differ and fixes the audience mapper and groups scope; the change it made. */
  Change correct(JsonNode client, ObjectNode settings) {
    String id = client.path("id").asText();
    String clientId = settings.path("clientId").asText();
    int writes = 0;
    if (!ClientCheck.settingsDiffer(client, settings).isEmpty()) {
      api.send("PUT", clients().add(id), KeycloakModel.merged(client, settings), null);
      writes++;
    }
    JsonNode audience = ClientCheck.mapperNamed(client, KeycloakModel.AUDIENCE_MAPPER);
    if (!ClientCheck.mapperMatches(audience, "oidc-audience-mapper", KeycloakModel.audienceMapperConfig(clientId))) {
      putMapper(clients().add(id, "protocol-mappers", "models"), audience, KeycloakModel.audienceMapper(clientId));
      writes++;
    }
    if (client.has("defaultClientScopes") && !ClientCheck.hasDefaultScope(client, Names.GROUPS_SCOPE)) {
      String scopeId = findGroupsScope().path("id").asText();
      api.send("PUT", clients().add(id, "default-client-scopes", scopeId), null, null);
      writes++;
    }
    return writes > 0 ? Change.UPDATED : Change.UNCHANGED;
  }

  private void putMapper(AdminPath models, JsonNode current, ObjectNode wanted) {
    if (current == null) {
      api.send("POST", models, wanted, null);
    } else {
      var replacement = wanted.deepCopy().put("id", current.path("id").asText());
      api.send("PUT", models.add(current.path("id").asText()), replacement, null);
    }
  }

  JsonNode findGroupsScope() {
    return first(api.get(path("client-scopes")), "name", Names.GROUPS_SCOPE).orElse(null);
  }

  Optional<JsonNode> findClient(String clientId) {
    return first(api.get(clients().query("clientId", clientId).query("search", "false")), "clientId", clientId);
  }

  Optional<JsonNode> findUser(String username) {
    return first(api.get(path("users").query("username", username).query("exact", "true")), "username", username);
  }

  Optional<JsonNode> findGroup(String name) {
    return api.get(path("group-by-path", name)).filter(g -> name.equals(g.path("name").asText()));
  }

  /** The entry of a realm listing whose {@code field} is {@code value}. */
  Optional<JsonNode> first(Optional<JsonNode> list, String field, String value) {
    var array = list.orElseThrow(() -> ServiceException.rejected("Keycloak", "Keycloak realm \"" + realm
        + "\" does not exist: call ensureRealm first"));
    for (JsonNode node : array) {
      if (value.equals(node.path(field).asText())) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  <T> T locked(String key, Supplier<T> work) {
    try (var held = locks.hold(key)) {
      return work.get();
    }
  }

  @Override
  public void close() {
    api.close();
  }
}
