package dev.wharf.operator.reconcile;

import static org.awaitility.Awaitility.await;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.operator.testing.OperatorHarness;
import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;

/** What the operator's integration tests do with Apps and the servers behind them. */
final class Apps {
  private final OperatorHarness h;

  Apps(OperatorHarness h) {
    this.h = h;
  }

  App create(String ns, String name, AppSpec spec) {
    return h.kube.resource(new App(ns, name, spec)).create();
  }

  App awaitCondition(String ns, String name, String type, boolean wanted) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
      App a = h.app(ns, name);
      return a != null && a.getStatus() != null && a.getStatus().condition(type)
          .map(c -> c.getStatus().equals(wanted ? "True" : "False")).orElse(false);
    });
    return h.app(ns, name);
  }

  App awaitReady(String ns, String name) {
    return awaitCondition(ns, name, AppStatus.READY, true);
  }

  /** Deletes the App and waits until the operator's cleanup has let it go. */
  void deleteAndAwaitGone(String ns, String name) {
    h.kube.resources(App.class).inNamespace(ns).withName(name).delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> h.app(ns, name) == null);
  }

  /** Makes the operator reconcile an unchanged App (as the periodic resync does) and waits for it. */
  void resync(String ns, String name) {
    long before = h.operator.reconciles();
    h.requestResync(ns, name);
    await().atMost(Duration.ofSeconds(30)).until(() -> h.operator.reconciles() > before);
  }

  Map<String, String> kv(String ns, String name) {
    return h.openBao.kv("apps/" + ns + "/" + name);
  }

  boolean mysqlLogin(Map<String, String> kv) {
    try (var c = DriverManager.getConnection(kv.get("MYSQL_URL"), kv.get("MYSQL_USERNAME"), kv.get("MYSQL_PASSWORD"))) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Logs in as the app and writes {@code <prefix>probe}. */
  boolean redisLogin(Map<String, String> kv) {
    try (Jedis j = new Jedis(URI.create(kv.get("REDIS_URL")))) {
      j.auth(kv.get("REDIS_USERNAME"), kv.get("REDIS_PASSWORD"));
      j.set(kv.get("REDIS_KEY_PREFIX") + "probe", "1");
      return true;
    } catch (JedisAccessControlException e) {
      return false;
    }
  }

  /** Runs a statement as MySQL's administrator. */
  void mysqlAdmin(String sql) throws SQLException {
    var m = h.runtime.mysql();
    try (var c = DriverManager.getConnection(m.jdbcUrl(null), m.adminUser(), m.adminPassword());
         var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  boolean databaseExists(String database) throws SQLException {
    var m = h.runtime.mysql();
    try (var c = DriverManager.getConnection(m.jdbcUrl(null), m.adminUser(), m.adminPassword());
         var ps = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
      ps.setString(1, database);
      return ps.executeQuery().next();
    }
  }

  /** A Redis connection as the administrator. */
  Jedis redisAdmin() {
    Jedis j = new Jedis(h.runtime.redis().host(), h.runtime.redis().port());
    j.auth(h.runtime.redis().adminUser(), h.runtime.redis().adminPassword());
    return j;
  }
}
