package dev.wharf.provisioning.keycloak;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.core.DnsLabel;
import dev.wharf.core.KeycloakServer;
import dev.wharf.core.Names;
import dev.wharf.core.RedirectUris;
import dev.wharf.core.Secret;
import dev.wharf.core.TeamName;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ServiceException;
import dev.wharf.provisioning.Writes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A realm set up the way the platform's realm import sets up realm {@code wharf}, for the local
 * platform, the demo, tests and benchmarks: the realm with the {@code groups} scope, team
 * groups, users, and public clients for developer sign-in. In a cluster the realm import does
 * this; the operator provisions only app clients ({@link KeycloakProvisioner}). Each call reads
 * first and writes only what differs.
 */
public final class KeycloakRealmSetup implements AutoCloseable {

  private final RealmApi realm;

  /** Sets up the platform realm {@value Names#REALM}. */
  public KeycloakRealmSetup(KeycloakServer server, Writes writes) {
    this(server, Names.REALM, writes);
  }

  public KeycloakRealmSetup(KeycloakServer server, String realm, Writes writes) {
    this.realm = new RealmApi(server, realm, writes);
  }

  public String realm() {
    return realm.realm;
  }

  /**
   * Ensures the realm exists and is enabled, with a {@code groups} client scope (claim
   * {@code groups}, group names without a leading slash) among the realm's default scopes,
   * so every client created afterwards puts the user's groups in its tokens.
   */
  public Outcome ensureRealm() {
    return realm.locked("realm", () -> {
      boolean created = false;
      int writes = 0;
      var current = realm.api.get(AdminPath.realm(realm.realm));
      if (current.isEmpty()) {
        realm.api.send("POST", AdminPath.realms(), KeycloakModel.realm(realm.realm), null);
        created = true;
      } else if (!current.get().path("enabled").asBoolean(false)) {
        var enable = ((ObjectNode) current.get()).deepCopy().put("enabled", true);
        realm.api.send("PUT", AdminPath.realm(realm.realm), enable, null);
        writes++;
      }
      writes += realm.ensureGroupsScope();
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
    return realm.locked("group/" + name, () -> {
      if (realm.findGroup(name).isPresent()) {
        return Outcome.of(Change.UNCHANGED);
      }
      realm.api.send("POST", realm.path("groups"), KeycloakModel.group(name), null);
      return Outcome.of(Change.CREATED);
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
    redirectUris.forEach(RedirectUris::requireRedirectUri);
    ObjectNode settings = KeycloakModel.publicClientSettings(clientId, redirectUris, deviceFlow);
    return realm.locked("client/" + clientId, () -> {
      var existing = realm.findClient(clientId);
      if (existing.isEmpty()) {
        realm.api.send("POST", realm.clients(), KeycloakModel.newPublicClient(settings), null);
        return Outcome.of(Change.CREATED);
      }
      return Outcome.of(realm.correct(existing.get(), settings));
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
    return realm.locked("user/" + username, () -> {
      var existing = realm.findUser(username);
      String userId;
      boolean created = false;
      if (existing.isEmpty()) {
        var response = realm.api.send("POST", realm.path("users"),
            KeycloakModel.newUser(username, password), password);
        userId = KeycloakApi.createdId(response);
        created = true;
      } else {
        userId = existing.get().path("id").asText();
      }
      var member = new HashMap<String, String>();
      if (!created) {
        realm.api.get(realm.path("users", userId, "groups")).orElseThrow()
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
    return realm.locked("user/" + username, () -> {
      String userId = realm.findUser(username).orElseThrow(() -> ServiceException.rejected("Keycloak", 
          "Keycloak has no user \"" + username + "\" in realm " + realm.realm + ": ensure it first")).path("id").asText();
      realm.api.send("PUT", realm.path("users", userId, "reset-password"),
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
        String groupId = realm.findGroup(group).orElseThrow(() -> ServiceException.rejected("Keycloak", 
            "Keycloak group \"" + group + "\" does not exist: ensure it before adding "
                + username + " to it")).path("id").asText();
        realm.api.send("PUT", realm.path("users", userId, "groups", groupId),
            null, null);
        changes++;
      }
    }
    for (var entry : member.entrySet()) {
      if (!wanted.contains(entry.getKey())) {
        realm.api.send("DELETE",
            realm.path("users", userId, "groups", entry.getValue()), null, null);
        changes++;
      }
    }
    return changes;
  }

  @Override
  public void close() {
    realm.close();
  }
}
