package dev.wharf.operator.reconcile;

import dev.wharf.api.ProvisionedNames;
import dev.wharf.core.PlatformKeys;
import dev.wharf.core.Secret;
import dev.wharf.provisioning.MySqlAccess;
import dev.wharf.provisioning.OidcAccess;
import dev.wharf.provisioning.RedisAccess;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one capability step provisioned in one reconcile: the credentials that go to the App's
 * OpenBao entry and the names that go to its status. Immutable; the reconciler merges the
 * grants of all steps (see {@link StoredEntry}).
 */
public sealed interface Grant {

  /** The keys and values this capability holds in the App's OpenBao entry (secret values revealed). */
  Map<String, String> entries();

  /** The key of the credential a rotation renews. */
  String secretKey();

  /**
   * True when this grant's credential differs from the one stored before, which existed: the
   * stored one no longer worked and a new one was set (values compared, never shown).
   */
  default boolean renewed(Map<String, String> stored) {
    String before = stored.get(secretKey());
    return before != null && !before.equals(entries().get(secretKey()));
  }

  /** Puts this capability's names into status.provisioned. */
  void nameIn(ProvisionedNames names);

  /** What its condition says, e.g. "database team-a.greeter and user team-a.greeter are ready". */
  String describe();

  record MySql(MySqlAccess access) implements Grant {
    @Override public Map<String, String> entries() { return access.env(); }
    @Override public String secretKey() { return PlatformKeys.MYSQL_PASSWORD; }
    @Override public void nameIn(ProvisionedNames names) {
      names.setMysqlDatabase(access.database());
      names.setMysqlUser(access.username());
    }
    @Override public String describe() {
      return "database " + access.database() + " and user " + access.username() + " are ready";
    }
  }

  record Redis(RedisAccess access) implements Grant {
    @Override public Map<String, String> entries() { return access.env(); }
    @Override public String secretKey() { return PlatformKeys.REDIS_PASSWORD; }
    @Override public void nameIn(ProvisionedNames names) {
      names.setRedisUser(access.username());
      names.setRedisKeyPrefix(access.prefix().value());
    }
    @Override public String describe() {
      return "ACL user " + access.username() + " with key prefix " + access.prefix() + " is ready";
    }
  }

  record Oidc(OidcAccess access) implements Grant {
    @Override public Map<String, String> entries() { return access.env(); }
    @Override public String secretKey() { return PlatformKeys.OIDC_CLIENT_SECRET; }
    @Override public void nameIn(ProvisionedNames names) {
      names.setOidcClientId(access.clientId());
    }
    @Override public String describe() {
      return "client " + access.clientId() + " is ready at " + access.issuer();
    }
  }

  /**
   * A Harbor pull robot of the team's project. {@code setSecret}: Harbor does not hold
   * {@code robotSecret} yet; it is set on the robot once the entry that holds it is stored, so
   * that the stored secret is always the one to repair towards.
   */
  record Registry(String project, long robotId, String robotName, Secret robotSecret, boolean setSecret) implements Grant {
    @Override public Map<String, String> entries() {
      Map<String, String> entries = new LinkedHashMap<>();
      entries.put(PlatformKeys.REGISTRY_USERNAME, robotName);
      entries.put(PlatformKeys.REGISTRY_PASSWORD, robotSecret.reveal());
      entries.put(PlatformKeys.REGISTRY_ROBOT_ID, Long.toString(robotId));
      entries.put(PlatformKeys.REGISTRY_PROJECT, project);
      return entries;
    }
    @Override public String secretKey() { return PlatformKeys.REGISTRY_PASSWORD; }
    @Override public void nameIn(ProvisionedNames names) {
      names.setRegistryRobot(robotName);
      names.setRegistryProject(project);
    }
    @Override public String describe() {
      return "robot " + robotName + " can pull from Harbor project " + project;
    }
  }
}
