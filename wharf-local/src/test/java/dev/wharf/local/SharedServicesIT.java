package dev.wharf.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.core.KeycloakServer;
import dev.wharf.core.MySqlServer;
import dev.wharf.core.RedisServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** All three shared servers run and accept their administrators. */
class SharedServicesIT {

  private static LocalRuntime runtime;

  @BeforeAll
  static void startAll() {
    runtime = SharedRuntime.get(Service.MYSQL, Service.REDIS, Service.KEYCLOAK);
  }

  @Test
  void mysqlAdminCanQueryWithFullRights() throws Exception {
    MySqlServer mysql = runtime.mysql();
    try (Connection c = DriverManager.getConnection(mysql.jdbcUrl(null), mysql.adminUser(), mysql.adminPassword().reveal());
         Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      try (ResultSet rs = s.executeQuery("show grants")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).contains("ALL PRIVILEGES ON *.*").contains("WITH GRANT OPTION");
      }
    }
    assertThat(mysql.host()).isEqualTo("127.0.0.1");
    assertThat(mysql.toString()).doesNotContain(mysql.adminPassword().reveal());
  }

  @Test
  void redisAdminIsTheDefaultUserOnAtLeast62() {
    RedisServer redis = runtime.redis();
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      jedis.auth(redis.adminUser(), redis.adminPassword().reveal());
      assertThat(jedis.ping()).isEqualTo("PONG");
      assertThat(jedis.aclWhoAmI()).isEqualTo(redis.adminUser());
      String version = jedis.info("server").lines().filter(l -> l.startsWith("redis_version:")).findFirst().orElseThrow();
      assertThat(RedisLauncher.parseVersion("v=" + version.substring("redis_version:".length())))
          .hasValueSatisfying(v -> assertThat(RedisLauncher.compare(v, RedisLauncher.MINIMUM_VERSION)).isNotNegative());
    }
  }

  @Test
  void keycloakIssuesAnAdminTokenFromTheMasterRealm() throws Exception {
    KeycloakServer keycloak = runtime.keycloak();
    String form = "grant_type=password&client_id=admin-cli&username=" + enc(keycloak.adminUser())
        + "&password=" + enc(keycloak.adminPassword().reveal());
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(keycloak.issuer("master") + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"access_token\"");
    assertThat(keycloak.baseUrl()).startsWith("http://127.0.0.1:");
  }

  @Test
  void eachServiceLogsIntoItsOwnFileInTheStateDirectory() throws Exception {
    for (Service s : Service.values()) {
      assertThat(runtime.logFile(s)).startsWith(runtime.stateDir().resolve(s.name().toLowerCase())).isNotEmptyFile();
      String log = java.nio.file.Files.readString(runtime.logFile(s), StandardCharsets.ISO_8859_1);
      assertThat(log).doesNotContain(runtime.mysql().adminPassword().reveal(), runtime.redis().adminPassword().reveal(),
          runtime.keycloak().adminPassword().reveal());
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
