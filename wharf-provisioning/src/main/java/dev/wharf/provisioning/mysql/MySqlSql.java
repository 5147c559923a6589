package dev.wharf.provisioning.mysql;

import dev.wharf.core.MySqlPrivileges;
import dev.wharf.core.Secret;
import dev.wharf.provisioning.ServiceException;
import dev.wharf.provisioning.Writes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * All SQL Wharf sends, each statement in one method. Identifiers come from {@code Names}, are
 * checked again here and backtick- or quote-wrapped; passwords and values travel as statement
 * parameters. The SQL works on MySQL 8 and MariaDB 10.6+. Every write is counted.
 */
final class MySqlSql {
  static final String SERVICE = "MySQL";

  /** What Names produces: DNS-label characters plus '.' and '~'. Nothing needs escaping. */
  private static final Pattern SAFE_IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9.~-]{0,63}");

  private static final String READ_STATE = """
      SELECT
        (SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?),
        (SELECT COUNT(*) FROM mysql.user WHERE User = ? AND Host = '%'),
        (SELECT GROUP_CONCAT(PRIVILEGE_TYPE SEPARATOR ',') FROM information_schema.SCHEMA_PRIVILEGES
           WHERE GRANTEE = ? AND TABLE_SCHEMA = ? AND IS_GRANTABLE = 'NO'),
        (SELECT COUNT(*) FROM information_schema.SCHEMA_PRIVILEGES
           WHERE GRANTEE = ? AND (TABLE_SCHEMA <> ? OR IS_GRANTABLE <> 'NO'))
        + (SELECT COUNT(*) FROM information_schema.USER_PRIVILEGES
           WHERE GRANTEE = ? AND (PRIVILEGE_TYPE <> 'USAGE' OR IS_GRANTABLE <> 'NO'))
        + (SELECT COUNT(*) FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = ?)
        + (SELECT COUNT(*) FROM information_schema.COLUMN_PRIVILEGES WHERE GRANTEE = ?),
        (SELECT MAX(max_user_connections) FROM mysql.user WHERE User = ? AND Host = '%')
      """;

  /** The most MAX_USER_CONNECTIONS Wharf sets; more than any one app needs, far below the server's own limits. */
  static final int MAX_USER_CONNECTIONS_CEILING = 100_000;

  private final Writes writes;

  MySqlSql(Writes writes) {
    this.writes = writes;
  }

  MySqlState readState(Connection c, String database, String user) throws SQLException {
    String grantee = grantee(user);
    try (var st = c.prepareStatement(READ_STATE)) {
      bind(st, database, user, grantee, database, grantee, database, grantee, grantee, grantee, user);
      try (var rs = st.executeQuery()) {
        rs.next();
        String privileges = rs.getString(3);
        Set<String> set = privileges == null ? Set.of()
            : new TreeSet<>(Arrays.asList(privileges.split(",")));
        return new MySqlState(rs.getInt(1) > 0, rs.getInt(2) > 0, set, rs.getInt(4), rs.getInt(5));
      }
    }
  }

  void createDatabase(Connection c, String database) throws SQLException {
    write(c, "CREATE DATABASE IF NOT EXISTS " + quoteName(database)
        + " CHARACTER SET utf8mb4", "create database");
  }

  void dropDatabase(Connection c, String database) throws SQLException {
    write(c, "DROP DATABASE IF EXISTS " + quoteName(database), "drop database");
  }

  void createUser(Connection c, String user, Secret password, int maxConnections) {
    writeWithSecret(c, "CREATE USER " + account(user) + " IDENTIFIED BY ? WITH MAX_USER_CONNECTIONS "
        + checkedLimit(maxConnections), password, "create user", user);
  }

  /** At most {@code maxConnections} sessions of the user at once; the server refuses the next with error 1226. */
  void setMaxConnections(Connection c, String user, int maxConnections) throws SQLException {
    write(c, "ALTER USER " + account(user) + " WITH MAX_USER_CONNECTIONS " + checkedLimit(maxConnections),
        "set the connection limit");
  }

  /** A connection limit as SQL: a whole number from 1 to the ceiling, never anything else. */
  static String checkedLimit(int maxConnections) {
    if (maxConnections < 1 || maxConnections > MAX_USER_CONNECTIONS_CEILING) {
      throw new IllegalArgumentException("a MySQL connection limit must be from 1 to "
          + MAX_USER_CONNECTIONS_CEILING + ", not " + maxConnections);
    }
    return Integer.toString(maxConnections);
  }

  void setPassword(Connection c, String user, Secret password) {
    writeWithSecret(c, "ALTER USER " + account(user) + " IDENTIFIED BY ?", password,
        "set the password of user", user);
  }

  void revokeAll(Connection c, String user) throws SQLException {
    write(c, "REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + account(user), "revoke");
  }

  void grant(Connection c, String user, String database, MySqlPrivileges privileges)
      throws SQLException {
    write(c, "GRANT " + String.join(", ", privileges.privileges()) + " ON "
        + quoteName(database) + ".* TO " + account(user), "grant");
  }

  void dropUser(Connection c, String user) throws SQLException {
    write(c, "DROP USER IF EXISTS " + account(user), "drop user");
  }

  /** Ends the sessions of {@code user}; a dropped user's open sessions would otherwise live on. */
  void killSessions(Connection c, String user) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (var st = c.prepareStatement(
        "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?")) {
      st.setString(1, user);
      try (var rs = st.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    for (long id : ids) {
      try {
        write(c, "KILL " + id, "kill session");
      } catch (SQLException e) {
        if (e.getErrorCode() != 1094) { // the session ended by itself meanwhile
          throw e;
        }
      }
    }
  }

  /**
   * True when the statement failed because the server could not be reached or the session
   * broke (SQL state class 08, or the driver's or pool's connection exceptions), not because
   * the server refused it.
   */
  static boolean unavailable(SQLException e) {
    return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLRecoverableException || e instanceof SQLTimeoutException
        || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
  }

  /**
   * Whether {@code password} is {@code user}'s, decided as the server decides it for
   * mysql_native_password: the stored string is '*' and the upper-case hex of SHA1(SHA1(password)).
   * False when there is no such user; empty when the user authenticates with another plugin.
   */
  Optional<Boolean> nativePasswordMatches(Connection c, String user, Secret password) throws SQLException {
    try (var st = c.prepareStatement("SELECT plugin, authentication_string FROM mysql.user WHERE User = ? AND Host = '%'")) {
      st.setString(1, checked(user));
      try (var rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.of(false);
        }
        if (!"mysql_native_password".equals(rs.getString(1))) {
          return Optional.empty();
        }
        return Optional.of(nativeHash(password).equals(rs.getString(2)));
      }
    }
  }

  /** What mysql_native_password stores for {@code password}. */
  static String nativeHash(Secret password) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] once = sha1.digest(password.reveal().getBytes(StandardCharsets.UTF_8));
      return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  /** Opens a session as the app to its database; true when the server accepts the password. */
  static boolean canLogIn(Connection c) throws SQLException {
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
      return rs.next();
    }
  }

  private void write(Connection c, String sql, String what) throws SQLException {
    writes.record("mysql " + what);
    try (var st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /**
   * Runs a statement whose parameter is a secret. Connector/J inlines the parameter into the
   * statement text, and a server error could quote that text, so the server's message is
   * replaced by its error code and never chained.
   */
  private void writeWithSecret(Connection c, String sql, Secret secret, String what,
      String user) {
    writes.record("mysql " + what);
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, secret.reveal());
      st.execute();
    } catch (SQLException e) {
      throw new ServiceException(SERVICE, unavailable(e), 0, "MySQL could not " + what + " " + user + " (error "
          + e.getErrorCode() + ", SQL state " + e.getSQLState() + ")", null);
    }
  }

  private static void bind(PreparedStatement st, String... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      st.setString(i + 1, values[i]);
    }
  }

  static String quoteName(String identifier) {
    return "`" + checked(identifier) + "`";
  }

  static String account(String user) {
    return grantee(user);
  }

  /** {@code 'user'@'%'}, the form used by GRANT and information_schema's GRANTEE column. */
  static String grantee(String user) {
    return "'" + checked(user) + "'@'%'";
  }

  private static String checked(String identifier) {
    if (!SAFE_IDENTIFIER.matcher(identifier).matches()) {
      throw new IllegalArgumentException("refusing unsafe MySQL identifier: " + identifier);
    }
    return identifier;
  }
}
