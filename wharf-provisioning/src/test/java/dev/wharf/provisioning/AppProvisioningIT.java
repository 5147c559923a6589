package dev.wharf.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.core.AppRef;
import dev.wharf.core.KeyPrefix;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.core.Names;
import dev.wharf.core.PlatformKeys;
import dev.wharf.core.Secret;
import dev.wharf.core.TeamName;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.KeycloakRealmSetup;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.redis.RedisProvisioner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The facade the operator and 'wharf up' share, against the shared local servers: the
 * credentials it returns work, a stored one is kept while it works (no writes), renewed when
 * asked, and a Redis user lost by a restart comes back with the stored password.
 */
class AppProvisioningIT {
  private static final TeamName TEAM = TeamName.of("team-a");
  private static Writes writes;
  private static MySqlProvisioner mysql;
  private static RedisProvisioner redis;
  private static KeycloakProvisioner keycloak;
  private static AppProvisioning provisioning;

  @BeforeAll
  static void start() {
    writes = new Writes();
    mysql = new MySqlProvisioner(TestServers.mysql(), writes);
    redis = new RedisProvisioner(TestServers.redis(), writes);
    keycloak = new KeycloakProvisioner(TestServers.keycloak(), writes);
    try (var realm = new KeycloakRealmSetup(TestServers.keycloak(), new Writes())) {
      realm.ensureRealm(); // in a cluster, the realm import makes it
    }
    provisioning = new AppProvisioning(mysql, redis, keycloak, "https://issuer.example/realms/wharf");
  }

  @AfterAll
  static void stop() {
    provisioning.close();
  }

  private static AppRef newApp(String name) {
    return AppRef.of(TestServers.uniqueNamespace("facade"), name);
  }

  private static StoredSecret stored(Secret secret) {
    return StoredSecret.of(Optional.of(secret));
  }

  @Test
  void aStoredCredentialIsKeptWithoutWritesAndRenewedWhenAsked() {
    AppRef app = newApp("keeper");
    KeyPrefix prefix = KeyPrefix.of(app.namespace() + ":");
    OidcClientSpec spec = OidcClientSpec.of(List.of("https://keeper.apps.wharf.example.com/*"), List.of());
    MySqlAccess db = provisioning.ensureMySql(app, MySqlPrivileges.READ_WRITE, StoredSecret.none());
    RedisAccess cache = provisioning.ensureRedis(app, prefix, StoredSecret.none());
    OidcAccess client = provisioning.ensureOidc(app, TEAM, spec, StoredSecret.none());
    assertThat(mysql.verify(app, db.password())).isTrue();
    assertThat(redis.verify(app, cache.password())).isTrue();
    assertThat(keycloak.readSecret(app)).contains(client.clientSecret());
    assertThat(client.env()).containsEntry(PlatformKeys.OIDC_ISSUER_URI, "https://issuer.example/realms/wharf")
        .containsEntry(PlatformKeys.OIDC_CLIENT_ID, Names.keycloakClientId(app));

    long before = writes.count();
    assertThat(provisioning.ensureMySql(app, MySqlPrivileges.READ_WRITE, stored(db.password()))).isEqualTo(db);
    assertThat(provisioning.ensureRedis(app, prefix, stored(cache.password()))).isEqualTo(cache);
    assertThat(provisioning.ensureOidc(app, TEAM, spec, stored(client.clientSecret()))).isEqualTo(client);
    assertThat(writes.count()).as("nothing written while the stored secrets work").isEqualTo(before);

    MySqlAccess renewed = provisioning.ensureMySql(app, MySqlPrivileges.READ_WRITE,
        StoredSecret.of(Optional.of(db.password()), true));
    assertThat(renewed.password()).isNotEqualTo(db.password());
    assertThat(mysql.verify(app, renewed.password())).isTrue();
    assertThat(mysql.verify(app, db.password())).isFalse();
  }

  @Test
  void aWrongOrMissingStoredSecretIsReplacedByOneThatWorks() {
    AppRef app = newApp("amnesia");
    provisioning.ensureMySql(app, MySqlPrivileges.READ_ONLY, StoredSecret.none());
    MySqlAccess again = provisioning.ensureMySql(app, MySqlPrivileges.READ_ONLY, stored(Secret.of("not-the-password")));
    assertThat(mysql.verify(app, again.password())).isTrue();
    assertThat(provisioning.ensureMySql(app, MySqlPrivileges.READ_ONLY, StoredSecret.none()).password())
        .isNotEqualTo(again.password());
  }

  @Test
  void aLostRedisUserComesBackWithTheStoredPassword() {
    AppRef app = newApp("restored");
    KeyPrefix prefix = KeyPrefix.of(app.namespace() + ":");
    RedisAccess first = provisioning.ensureRedis(app, prefix, StoredSecret.none());
    var server = TestServers.redis();
    try (Jedis admin = new Jedis(server.host(), server.port())) {
      admin.auth(server.adminUser(), server.adminPassword().reveal());
      admin.aclDelUser(Names.redisUser(app)); // as a restart without ACL SAVE would
    }
    RedisAccess back = provisioning.ensureRedis(app, prefix, stored(first.password()));
    assertThat(back.password()).isEqualTo(first.password());
    assertThat(redis.verify(app, first.password())).isTrue();
  }
}
