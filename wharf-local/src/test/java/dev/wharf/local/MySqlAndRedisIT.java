package dev.wharf.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The shared MariaDB and Redis accept their administrators. */
class MySqlAndRedisIT {

  @Test
  void mysqlAdminCanQueryAndGrant() throws Exception {
    MySqlEndpoint mysql = SharedRuntime.get(Service.MYSQL, Service.REDIS).mysql();
    try (Connection c = DriverManager.getConnection(mysql.jdbcUrl(null), mysql.adminUser(), mysql.adminPassword());
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
  }

  @Test
  void redisAdminIsDefaultUserWithAllRights() {
    RedisEndpoint redis = SharedRuntime.get(Service.MYSQL, Service.REDIS).redis();
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      jedis.auth(redis.adminUser(), redis.adminPassword());
      assertThat(jedis.ping()).isEqualTo("PONG");
      assertThat(jedis.aclWhoAmI()).isEqualTo(redis.adminUser());
      String version = jedis.info("server").lines().filter(l -> l.startsWith("redis_version:")).findFirst().orElseThrow();
      assertThat(RedisServer.parseVersion("v=" + version.substring("redis_version:".length())))
          .hasValueSatisfying(v -> assertThat(RedisServer.compare(v, RedisServer.MINIMUM_VERSION)).isGreaterThanOrEqualTo(0));
    }
  }
}
