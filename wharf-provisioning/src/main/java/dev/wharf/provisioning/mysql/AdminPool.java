package dev.wharf.provisioning.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.wharf.core.MySqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * The administrator's sessions on the MySQL server, pooled by HikariCP and bounded. Opening a
 * session costs several round trips, which would dominate a call that otherwise sends one or
 * two statements; a burst of calls waits for a free session (up to {@link #WAIT}) instead of
 * opening one each. Sessions are opened when needed, and none at construction: a provisioner
 * can be built while MySQL is down, and each call then reports it.
 */
final class AdminPool implements AutoCloseable {
  /** The sessions an operator keeps by default (MYSQL_ADMIN_CONNECTIONS). */
  static final int DEFAULT_SIZE = 8;
  /** How long a call waits for a session: a busy pool, or a server that does not answer. */
  static final Duration WAIT = Duration.ofSeconds(5);

  private final HikariDataSource pool;

  AdminPool(MySqlServer server, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("the MySQL admin pool needs at least one connection, not " + size);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("wharf-mysql-admin");
    config.setJdbcUrl(server.jdbcUrl(null));
    config.setUsername(server.adminUser());
    config.setPassword(server.adminPassword().reveal());
    config.setDataSourceProperties(sessionProperties());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(WAIT.toMillis());
    config.setInitializationFailTimeout(-1);
    this.pool = new HikariDataSource(config);
  }

  /** A session for one call; closing it gives it back (a broken one is dropped by the pool). */
  Connection borrow() throws SQLException {
    return pool.getConnection();
  }

  /** A session of {@code user} (an app's) to {@code database}, outside the pool: to check its password. */
  static Connection open(MySqlServer server, String database, String user, String password) throws SQLException {
    Properties props = sessionProperties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    return DriverManager.getConnection(server.jdbcUrl(database), props);
  }

  private static Properties sessionProperties() {
    Properties props = new Properties();
    props.setProperty("connectTimeout", "10000");
    props.setProperty("socketTimeout", "60000");
    // Passwords are bound client-side and inlined as escaped literals: keep it that way, since
    // account statements cannot be server-side prepared on every server version.
    props.setProperty("useServerPrepStmts", "false");
    return props;
  }

  @Override
  public void close() {
    pool.close();
  }
}
