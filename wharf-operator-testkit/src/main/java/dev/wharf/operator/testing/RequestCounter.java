package dev.wharf.operator.testing;

import dev.wharf.core.MySqlServer;
import dev.wharf.core.RedisServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * Counts the requests the operator sends to each system, from where the requests arrive: the
 * mock API server's request log (the operator's own requests), MySQL's and Redis's server
 * counters (statements, pings and logins; commands and connections), the proxy in front of
 * Keycloak, and the OpenBao and Harbor stubs. The counters' own reads are measured once and
 * taken off, so a window in which the operator sends nothing counts zero.
 */
public final class RequestCounter implements AutoCloseable {
  private final OperatorHarness h;
  private final Connection mysql;
  private final Jedis redis;
  private final Map<String, Long> overhead;

  RequestCounter(OperatorHarness h, MySqlServer mysqlServer, RedisServer redisServer) {
    this.h = h;
    try {
      mysql = DriverManager.getConnection(mysqlServer.jdbcUrl(null), mysqlServer.adminUser(),
          mysqlServer.adminPassword().reveal());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read MySQL's counters", e);
    }
    redis = new Jedis(redisServer.host(), redisServer.port());
    redis.auth(redisServer.adminUser(), redisServer.adminPassword().reveal());
    Map<String, Long> first = raw();
    Map<String, Long> second = raw();
    overhead = minus(second, first, Map.of());
    overhead.put("kubernetes", 0L);
  }

  /** Counts so far, per system; pass two of them to {@link #between}. */
  public Map<String, Long> snapshot() {
    return raw();
  }

  /** Requests per system from {@code before} to {@code after}, the counters' own reads taken off. */
  public Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
    return minus(after, before, overhead);
  }

  private synchronized Map<String, Long> raw() {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("kubernetes", h.operatorRequestCount());
    try (var st = mysql.createStatement(); var rs = st.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN"
        + " ('Questions', 'Com_admin_commands', 'Connections')")) {
      while (rs.next()) {
        out.put("mysql " + rs.getString(1).toLowerCase(), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read MySQL's counters", e);
    }
    out.put("redis commands", sum(redis.info("commandstats"), "calls="));
    out.put("redis connections", sum(redis.info("stats"), "total_connections_received:"));
    out.put("keycloak", h.keycloakProxy.requests());
    out.put("openbao", (long) h.openBao.calls().size());
    out.put("harbor", (long) h.harbor.calls().size());
    return out;
  }

  /** The sum of the numbers that follow {@code marker} in an INFO section. */
  private static long sum(String info, String marker) {
    long total = 0;
    for (int i = info.indexOf(marker); i >= 0; i = info.indexOf(marker, i + 1)) {
      int start = i + marker.length();
      int end = start;
      while (end < info.length() && Character.isDigit(info.charAt(end))) {
        end++;
      }
      total += Long.parseLong(info.substring(start, end));
    }
    return total;
  }

  private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before, Map<String, Long> overhead) {
    Map<String, Long> out = new LinkedHashMap<>();
    after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0L) - overhead.getOrDefault(k, 0L)));
    return out;
  }

  @Override
  public void close() {
    try {
      mysql.close();
    } catch (SQLException e) {
      // closing a counter connection; nothing to keep
    }
    redis.close();
  }
}
