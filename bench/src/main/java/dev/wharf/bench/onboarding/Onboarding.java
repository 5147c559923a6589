package dev.wharf.bench.onboarding;

import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Names;
import dev.wharf.provisioning.TeamName;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import dev.wharf.provisioning.mysql.MySqlPrivileges;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.redis.RedisProvisioner;
import java.util.List;

/** What onboarding one app means: the calls the operator makes for an App with everything on. */
final class Onboarding implements AutoCloseable {

  private final MySqlProvisioner mysql;
  private final RedisProvisioner redis;
  private final KeycloakProvisioner keycloak;

  Onboarding(MySqlProvisioner mysql, RedisProvisioner redis, KeycloakProvisioner keycloak) {
    this.mysql = mysql;
    this.redis = redis;
    this.keycloak = keycloak;
  }

  /** Platform-wide setup, done once per cluster: the realm. */
  void prepare() {
    keycloak.ensureRealm();
    keycloak.ensureGroup(Names.PLATFORM_ADMINS_GROUP);
  }

  /** Ensures everything one app needs; the change each of the four calls reported. */
  List<Change> onboard(AppRef app) {
    var team = TeamName.of(app.namespace());
    String host = "https://" + app.name() + "." + app.namespace() + ".apps.wharf.example.com";
    var spec = OidcClientSpec.of(List.of(host + "/*"), List.of(host));
    var db = mysql.ensure(app, MySqlPrivileges.READ_WRITE).change();
    var cache = redis.ensure(app, Names.defaultKeyPrefix(app)).change();
    keycloak.ensureGroup(team);
    var client = keycloak.ensureClient(app, team, spec).change();
    return List.of(db, cache, client);
  }

  @Override
  public void close() {
    mysql.close();
    redis.close();
    keycloak.close();
  }
}
