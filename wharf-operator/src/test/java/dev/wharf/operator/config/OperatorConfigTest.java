package dev.wharf.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorConfigTest {
  @TempDir
  Path dir;

  Map<String, String> env() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "bao-token-value\n");
    Map<String, String> env = new HashMap<>();
    env.put("WHARF_TEAMS", "team-a, team-b");
    env.put("MYSQL_ADMIN_USER", "wharf");
    env.put("MYSQL_ADMIN_PASSWORD", "mysql-secret-value");
    env.put("REDIS_ADMIN_USER", "wharf");
    env.put("REDIS_ADMIN_PASSWORD", "redis-secret-value");
    env.put("KEYCLOAK_ADMIN_USER", "wharf-operator");
    env.put("KEYCLOAK_ADMIN_PASSWORD", "kc-secret-value");
    env.put("OPENBAO_TOKEN_FILE", token.toString());
    env.put("HARBOR_USER", "robot$wharf-operator");
    env.put("HARBOR_PASSWORD", "harbor-secret-value");
    return env;
  }

  @Test
  void readsDefaultsSecretsFromFilesAndHidesThem() throws Exception {
    OperatorConfig c = OperatorConfig.fromEnv(new Settings(env()));
    assertThat(c.teams()).containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(c.resyncInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.mysql().host()).isEqualTo("mysql.mysql.svc");
    assertThat(c.openBaoAuth().token().orElseThrow().get().reveal()).isEqualTo("bao-token-value");
    assertThat(c.toString()).doesNotContain("secret-value", "bao-token-value");
  }

  @Test
  void withoutATokenTheOperatorLogsInWithItsServiceAccount() throws Exception {
    Map<String, String> env = env();
    env.remove("OPENBAO_TOKEN_FILE");
    OperatorConfig c = OperatorConfig.fromEnv(new Settings(env));
    assertThat(c.openBaoAuth().token()).isEmpty();
    assertThat(c.openBaoAuth().role()).isEqualTo("wharf-operator");
  }

  @Test
  void theMySqlAdminPoolIsBoundedAndItsSizeConfigurable() throws Exception {
    Map<String, String> env = env();
    assertThat(OperatorConfig.fromEnv(new Settings(env)).mysqlAdminConnections()).isEqualTo(8);
    env.put("MYSQL_ADMIN_CONNECTIONS", "20");
    assertThat(OperatorConfig.fromEnv(new Settings(env)).mysqlAdminConnections()).isEqualTo(20);
    for (String bad : new String[] {"0", "many", "1000"}) {
      env.put("MYSQL_ADMIN_CONNECTIONS", bad);
      assertThatThrownBy(() -> OperatorConfig.fromEnv(new Settings(env)))
          .isInstanceOf(ConfigException.class).hasMessageContaining("MYSQL_ADMIN_CONNECTIONS");
    }
  }

  @Test
  void eachAppsMySqlConnectionsHaveAPlatformDefaultAndMaximum() throws Exception {
    Map<String, String> env = env();
    var connections = OperatorConfig.fromEnv(new Settings(env)).cluster().mysqlConnections();
    assertThat(connections.byDefault()).isEqualTo(20);
    assertThat(connections.max()).isEqualTo(100);
    env.put("MYSQL_APP_CONNECTIONS", "10");
    env.put("MYSQL_APP_CONNECTIONS_MAX", "40");
    connections = OperatorConfig.fromEnv(new Settings(env)).cluster().mysqlConnections();
    assertThat(connections.byDefault()).isEqualTo(10);
    assertThat(connections.max()).isEqualTo(40);
    env.put("MYSQL_APP_CONNECTIONS", "50");
    assertThatThrownBy(() -> OperatorConfig.fromEnv(new Settings(env)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MYSQL_APP_CONNECTIONS must be a number from 1 to 40");
    env.put("MYSQL_APP_CONNECTIONS", "0");
    assertThatThrownBy(() -> OperatorConfig.fromEnv(new Settings(env))).isInstanceOf(ConfigException.class);
  }

  @Test
  void resyncIntervalIsConfigurable() throws Exception {
    Map<String, String> env = env();
    env.put("WHARF_RESYNC_INTERVAL", "90s");
    assertThat(OperatorConfig.fromEnv(new Settings(env)).resyncInterval()).isEqualTo(Duration.ofSeconds(90));
    env.put("WHARF_RESYNC_INTERVAL", "soon");
    assertThatThrownBy(() -> OperatorConfig.fromEnv(new Settings(env)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("WHARF_RESYNC_INTERVAL").hasMessageContaining("5m");
  }

  @Test
  void missingSecretSaysWhichVariablesToSet() throws Exception {
    Map<String, String> env = env();
    env.remove("HARBOR_PASSWORD");
    assertThatThrownBy(() -> OperatorConfig.fromEnv(new Settings(env)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("HARBOR_PASSWORD_FILE");
  }

  @Test
  void badTeamNameIsRefused() throws Exception {
    Map<String, String> env = env();
    env.put("WHARF_TEAMS", "team-a,Team_B");
    assertThatThrownBy(() -> OperatorConfig.fromEnv(new Settings(env))).hasMessageContaining("Team_B");
  }

  @Test
  void keycloakServiceAccountClientIsPreferredWhenGiven() throws Exception {
    Map<String, String> env = env();
    env.remove("KEYCLOAK_ADMIN_USER");
    env.remove("KEYCLOAK_ADMIN_PASSWORD");
    env.put("KEYCLOAK_CLIENT_ID", "wharf-operator");
    env.put("KEYCLOAK_CLIENT_SECRET", "kc-client-secret-value");
    var server = OperatorConfig.fromEnv(new Settings(env)).keycloak();
    assertThat(server.clientCredentials()).isTrue();
    assertThat(server.authRealm()).isEqualTo("wharf");
    assertThat(server.adminUser()).isEqualTo("wharf-operator");

    var admin = OperatorConfig.fromEnv(new Settings(env())).keycloak();
    assertThat(admin.clientCredentials()).isFalse();
    assertThat(admin.authRealm()).isEqualTo("master");
  }

  @Test
  void rotatedSecretFilesAreNoticed() throws Exception {
    Map<String, String> env = env();
    env.remove("MYSQL_ADMIN_PASSWORD");
    env.remove("KEYCLOAK_ADMIN_USER");
    env.remove("KEYCLOAK_ADMIN_PASSWORD");
    env.remove("HARBOR_PASSWORD");
    Path mysql = Files.writeString(dir.resolve("mysql"), "mysql-old\n");
    Path keycloak = Files.writeString(dir.resolve("keycloak"), "kc-old");
    Path harbor = Files.writeString(dir.resolve("harbor"), "harbor-old");
    env.put("MYSQL_ADMIN_PASSWORD_FILE", mysql.toString());
    env.put("KEYCLOAK_CLIENT_ID", "wharf-operator");
    env.put("KEYCLOAK_CLIENT_SECRET_FILE", keycloak.toString());
    env.put("HARBOR_PASSWORD_FILE", harbor.toString());
    Settings settings = new Settings(env);
    OperatorConfig c = OperatorConfig.fromEnv(settings);
    assertThat(c.mysql().adminPassword().reveal()).isEqualTo("mysql-old");
    assertThat(settings.changedAtStartSecrets()).isEmpty();

    // Harbor's password is read on each use: a new value just works.
    Files.writeString(harbor, "harbor-new");
    assertThat(c.harborPassword().get().reveal()).isEqualTo("harbor-new");
    assertThat(settings.changedAtStartSecrets()).isEmpty();

    // The MySQL and Keycloak clients keep theirs: the change is reported, by name only.
    Files.writeString(mysql, "mysql-new");
    Files.writeString(keycloak, "kc-new");
    assertThat(settings.changedAtStartSecrets()).containsExactly("KEYCLOAK_CLIENT_SECRET", "MYSQL_ADMIN_PASSWORD");

    // A file missing for a moment (the kubelet swapping it) is not a rotation.
    Files.writeString(keycloak, "kc-old");
    Files.delete(mysql);
    assertThat(settings.changedAtStartSecrets()).isEmpty();
  }
}
