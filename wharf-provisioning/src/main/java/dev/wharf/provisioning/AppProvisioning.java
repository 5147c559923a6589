package dev.wharf.provisioning;

import dev.wharf.core.AppRef;
import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.KeyPrefix;
import dev.wharf.core.KeycloakServer;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.core.MySqlServer;
import dev.wharf.core.Names;
import dev.wharf.core.RedisServer;
import dev.wharf.core.Secret;
import dev.wharf.core.TeamName;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.redis.RedisProvisioner;
import java.util.Optional;

/**
 * An app's access to the shared MySQL, Redis and Keycloak, the one way the operator and
 * {@code wharf up} give it: ensure (create, or repair what drifted, writing nothing when all is
 * as it should be), with the credential the caller holds kept while it works and renewed when
 * asked ({@link StoredSecret}), and remove. Each ensure returns the app's working credentials.
 */
public final class AppProvisioning implements AutoCloseable {
  private final MySqlProvisioner mysql;
  private final RedisProvisioner redis;
  private final KeycloakProvisioner keycloak;
  private final String issuer;
  private volatile boolean groupsScopeChecked;

  /**
   * @param issuer OIDC_ISSUER_URI as apps see it; in a cluster the operator reaches Keycloak at
   *     another address (keycloak.keycloak.svc) than the public issuer apps validate against
   */
  public AppProvisioning(MySqlProvisioner mysql, RedisProvisioner redis, KeycloakProvisioner keycloak, String issuer) {
    this.mysql = mysql;
    this.redis = redis;
    this.keycloak = keycloak;
    this.issuer = issuer;
  }

  /** Connects to the three servers; one {@code writes} counts the writes sent to all of them. */
  public static AppProvisioning connect(MySqlServer mysql, RedisServer redis, KeycloakServer keycloak, String issuer,
      Writes writes) {
    return new AppProvisioning(new MySqlProvisioner(mysql, writes), new RedisProvisioner(redis, writes),
        new KeycloakProvisioner(keycloak, writes), issuer);
  }

  /**
   * The app's database and user with {@code privileges} on it, and a working password; the user
   * may hold {@link MySqlProvisioner#DEFAULT_MAX_CONNECTIONS} sessions at once.
   */
  public MySqlAccess ensureMySql(AppRef app, MySqlPrivileges privileges, StoredSecret stored) {
    return ensureMySql(app, privileges, MySqlProvisioner.DEFAULT_MAX_CONNECTIONS, stored);
  }

  /**
   * The app's database and user with {@code privileges} on it, at most {@code maxConnections}
   * sessions of that user at once (the server refuses the next), and a working password.
   */
  public MySqlAccess ensureMySql(AppRef app, MySqlPrivileges privileges, int maxConnections, StoredSecret stored) {
    Outcome ensured = mysql.ensure(app, privileges, maxConnections);
    Secret password = KeepOrReset.secret(ensured, stored, p -> mysql.verify(app, p), () -> mysql.rotate(app),
        "MySQL", "MySQL user", app);
    return new MySqlAccess(mysql.jdbcUrl(app), Names.mysqlDatabase(app), Names.mysqlUser(app), password);
  }

  /**
   * The app's ACL user confined to {@code prefix}, and a working password. A user lost by a Redis
   * restart or failover comes back with the stored password, so the app's connections recover
   * without new credentials.
   */
  public RedisAccess ensureRedis(AppRef app, KeyPrefix prefix, StoredSecret stored) {
    var ensured = redis.ensureChecking(app, prefix, stored.keepable());
    // ensure read the user: whether the kept password logs in is known without another command.
    Secret password = KeepOrReset.secret(ensured.outcome(), stored,
        p -> ensured.knownAccepted() && stored.keepable().filter(p::equals).isPresent(), () -> redis.rotate(app),
        "Redis", "Redis user", app);
    return new RedisAccess(redis.url(), Names.redisUser(app), password, prefix);
  }

  /** The app's confidential client in the platform realm, and its working secret. */
  public OidcAccess ensureOidc(AppRef app, TeamName team, OidcClientSpec spec, StoredSecret stored) {
    if (!groupsScopeChecked) {
      keycloak.ensureGroupsScope(); // reads only once the realm is set up
      groupsScopeChecked = true;
    }
    var ensured = keycloak.ensureClientChecking(app, team, spec);
    Secret secret = KeepOrReset.secret(ensured.outcome(), stored, ensured.holds(),
        () -> keycloak.rotateSecret(app), "Keycloak", "Keycloak client", app);
    return new OidcAccess(issuer, Names.keycloakClientId(app), secret);
  }

  /** Revokes the app's MySQL access; under {@link DeletionPolicy#DELETE} also drops its database. */
  public Outcome removeMySql(AppRef app, DeletionPolicy policy) {
    return mysql.delete(app, policy);
  }

  /** Deletes the app's ACL user; with {@code dropKeysUnder} also the keys under that (recorded) prefix. */
  public Outcome removeRedis(AppRef app, Optional<KeyPrefix> dropKeysUnder) {
    return redis.delete(app, dropKeysUnder);
  }

  /** Deletes the app's client, if Wharf made it for this app. */
  public Outcome removeOidc(AppRef app) {
    return keycloak.deleteClient(app);
  }

  /** OIDC_ISSUER_URI as apps see it. */
  public String issuer() {
    return issuer;
  }

  @Override
  public void close() {
    mysql.close();
    redis.close();
    keycloak.close();
  }
}
