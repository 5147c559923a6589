package dev.wharf.provisioning.mysql;

import dev.wharf.core.MySqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A few reusable administrator sessions: opening a MySQL session costs several round trips,
 * which would dominate a provisioning call that otherwise sends one or two statements.
 */
final class AdminConnections implements AutoCloseable {

  private static final int MAX_IDLE = 8;

  private final MySqlServer server;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  AdminConnections(MySqlServer server) {
    this.server = server;
  }

  Connection borrow() throws SQLException {
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      if (c.isValid(2)) {
        return c;
      }
      closeQuietly(c);
    }
    return open(server, "", server.adminUser(), server.adminPassword().reveal());
  }

  /** Returns a session for reuse; a broken one is closed instead. */
  void giveBack(Connection c, boolean healthy) {
    if (healthy && !closed && idle.size() < MAX_IDLE) {
      idle.addFirst(c);
    } else {
      closeQuietly(c);
    }
  }

  static Connection open(MySqlServer server, String database, String user, String password)
      throws SQLException {
    var props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "10000");
    props.setProperty("socketTimeout", "60000");
    // Passwords are bound client-side and inlined as escaped literals: keep it that way, since
    // account statements cannot be server-side prepared on every server version.
    props.setProperty("useServerPrepStmts", "false");
    return DriverManager.getConnection(server.jdbcUrl(database), props);
  }

  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // already broken; nothing to release
    }
  }
}
