package dev.wharf.bench.onboarding;

import dev.wharf.core.AppRef;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.core.Names;
import dev.wharf.core.TeamName;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.KeycloakRealmSetup;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.redis.RedisProvisioner;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What onboarding one app means: the calls the operator makes, one after the other, for an App
 * with MySQL, Redis and OIDC on.
 */
final class Onboarding implements AutoCloseable {

  private final MySqlProvisioner mysql;
  private final RedisProvisioner redis;
  private final KeycloakProvisioner keycloak;
  private final KeycloakRealmSetup realm;
  private final LongAdder mysqlNanos = new LongAdder();
  private final LongAdder redisNanos = new LongAdder();
  private final LongAdder keycloakNanos = new LongAdder();

  Onboarding(MySqlProvisioner mysql, RedisProvisioner redis, KeycloakProvisioner keycloak, KeycloakRealmSetup realm) {
    this.mysql = mysql;
    this.redis = redis;
    this.keycloak = keycloak;
    this.realm = realm;
  }

  /** Platform-wide setup, done once per cluster: the realm and the admins' group. */
  void prepare() {
    realm.ensureRealm();
    realm.ensureGroup(Names.PLATFORM_ADMINS_GROUP);
  }

  /** Ensures everything one app needs; the change MySQL, Redis and its client reported. */
  List<Change> onboard(AppRef app) {
    var team = TeamName.of(app.namespace());
    String host = "https://" + app.name() + "." + app.namespace() + ".apps.wharf.example.com";
    var spec = OidcClientSpec.of(List.of(host + "/*"), List.of(host));
    var db = timed(mysqlNanos, () -> mysql.ensure(app, MySqlPrivileges.READ_WRITE).change());
    var cache = timed(redisNanos, () -> redis.ensure(app, Names.defaultKeyPrefix(app)).change());
    var client = timed(keycloakNanos, () -> {
      realm.ensureGroup(team);
      return keycloak.ensureClient(app, team, spec).change();
    });
    return List.of(db, cache, client);
  }

  /** Time spent per service so far (summed over apps), for the log. */
  String timeByService() {
    return "mysql " + mysqlNanos.sum() / 1_000_000 + " ms, redis " + redisNanos.sum() / 1_000_000
        + " ms, keycloak " + keycloakNanos.sum() / 1_000_000 + " ms";
  }

  private static <T> T timed(LongAdder total, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      total.add(System.nanoTime() - start);
    }
  }

  @Override
  public void close() {
    mysql.close();
    redis.close();
    keycloak.close();
    realm.close();
  }
}
