package dev.wharf.provisioning.mysql;

import dev.wharf.core.AppRef;
import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.core.MySqlServer;
import dev.wharf.core.Names;
import dev.wharf.core.Secret;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.KeyedLocks;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ServiceException;
import dev.wharf.provisioning.Writes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Gives each app a database and a user with privileges on that database only. Each call reads
 * first and writes only what differs; identifiers come from {@link Names}. Thread-safe; calls
 * for the same app are serialised.
 */
public final class MySqlProvisioner implements AutoCloseable {

  private final MySqlServer server;
  private final MySqlSql sql;
  private final AdminPool admin;
  private final KeyedLocks<AppRef> locks = new KeyedLocks<>();

  /**
   * The sessions an app's user may hold at once unless told otherwise: without a limit of its
   * own one app could take every connection of the shared server.
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 20;

  /** With the default number of administrator sessions ({@value AdminPool#DEFAULT_SIZE}). */
  public MySqlProvisioner(MySqlServer server, Writes writes) {
    this(server, AdminPool.DEFAULT_SIZE, writes);
  }

  /** With at most {@code adminConnections} administrator sessions open at once. */
  public MySqlProvisioner(MySqlServer server, int adminConnections, Writes writes) {
    this.server = server;
    this.sql = new MySqlSql(writes);
    this.admin = new AdminPool(server, adminConnections);
  }

  /**
   * Ensures the app's database and user with {@code privileges} on it. Returns CREATED with
   * the new password when the user was created, UPDATED when the database or grants were
   * corrected, UNCHANGED (no writes) otherwise. An existing user's password is never changed
   * here: use {@link #verify} and {@link #rotate}.
   */
  public Outcome ensure(AppRef app, MySqlPrivileges privileges) {
    return ensure(app, privileges, DEFAULT_MAX_CONNECTIONS);
  }

  /**
   * As {@link #ensure(AppRef, MySqlPrivileges)}, with the user limited to {@code maxConnections}
   * sessions at once (MAX_USER_CONNECTIONS, set when it differs from what the server holds).
   */
  public Outcome ensure(AppRef app, MySqlPrivileges privileges, int maxConnections) {
    MySqlSql.checkedLimit(maxConnections); // before any server call
    String db = Names.mysqlDatabase(app);
    String user = Names.mysqlUser(app);
    return withLock(app, "ensure the database and user of " + app, c -> {
      var steps = MySqlPlan.ensure(sql.readState(c, db, user), privileges, maxConnections);
      Secret password = null;
      for (var step : steps) {
        switch (step) {
          case CREATE_DATABASE -> sql.createDatabase(c, db);
          case CREATE_USER -> {
            password = Secret.generate();
            sql.createUser(c, user, password, maxConnections);
          }
          case SET_MAX_CONNECTIONS -> sql.setMaxConnections(c, user, maxConnections);
          case REVOKE_ALL -> sql.revokeAll(c, user);
          case GRANT -> sql.grant(c, user, db, privileges);
        }
      }
      Change change = MySqlPlan.changeOf(steps);
      return password == null ? Outcome.of(change) : Outcome.of(change, password);
    });
  }

  /** Sets a new random password; ABSENT (no writes) when the user does not exist. */
  public Outcome rotate(AppRef app) {
    String user = Names.mysqlUser(app);
    return withLock(app, "rotate the password of " + app, c -> {
      if (!sql.readState(c, Names.mysqlDatabase(app), user).userExists()) {
        return Outcome.of(Change.ABSENT);
      }
      var password = Secret.generate();
      sql.setPassword(c, user, password);
      return Outcome.of(Change.UPDATED, password);
    });
  }

  /**
   * Removes the app's access: drops the user (and so its grants) and ends its open sessions;
   * with DROP_DATA also drops the database. ABSENT when there was nothing to remove.
   */
  public Outcome delete(AppRef app, DeletionPolicy policy) {
    String db = Names.mysqlDatabase(app);
    String user = Names.mysqlUser(app);
    return withLock(app, "delete the user of " + app, c -> {
      var state = sql.readState(c, db, user);
      boolean dropDb = policy == DeletionPolicy.DELETE && state.databaseExists();
      if (!state.userExists() && !dropDb) {
        return Outcome.of(Change.ABSENT);
      }
      if (state.userExists()) {
        sql.dropUser(c, user);
        sql.killSessions(c, user);
      }
      if (dropDb) {
        sql.dropDatabase(c, db);
      }
      return Outcome.of(Change.DELETED);
    });
  }

  /**
   * True when {@code password} logs the app's user in to its database. Writes nothing. A user
   * of mysql_native_password is checked as the server checks it, against the hash it stores
   * (one read on an administrator's session); any other (caching_sha2_password: a salted hash)
   * by opening and closing a session as the app.
   */
  public boolean verify(AppRef app, Secret password) {
    try (var held = locks.hold(app); Connection c = admin.borrow()) {
      Optional<Boolean> byHash = sql.nativePasswordMatches(c, Names.mysqlUser(app), password);
      if (byHash.isPresent()) {
        return byHash.get();
      }
    } catch (SQLException e) {
      throw new ServiceException(MySqlSql.SERVICE, MySqlSql.unavailable(e), 0, "MySQL at " + server.host() + ":"
          + server.port() + " could not check the password of " + app + " (error " + e.getErrorCode()
          + ", SQL state " + e.getSQLState() + ")", null);
    }
    try (var c = AdminPool.open(server, Names.mysqlDatabase(app), Names.mysqlUser(app),
        password.reveal())) {
      return MySqlSql.canLogIn(c);
    } catch (SQLException e) {
      if (isAccessDenied(e)) {
        return false;
      }
      throw new ServiceException(MySqlSql.SERVICE, MySqlSql.unavailable(e), 0, "MySQL at " + server.host() + ":"
          + server.port() + " could not check the password of " + app + " (error " + e.getErrorCode()
          + ", SQL state " + e.getSQLState() + ")", null);
    }
  }

  /** The JDBC URL the app uses (MYSQL_URL). */
  public String jdbcUrl(AppRef app) {
    return server.jdbcUrl(Names.mysqlDatabase(app));
  }

  @Override
  public void close() {
    admin.close();
  }

  private static boolean isAccessDenied(SQLException e) {
    int code = e.getErrorCode();
    // 1045: bad user or password; 1044: no access to the database; 1049: no such database
    return code == 1045 || code == 1044 || code == 1049 || "28000".equals(e.getSQLState());
  }

  private interface Work {
    Outcome run(Connection c) throws SQLException;
  }

  private Outcome withLock(AppRef app, String what, Work work) {
    try (var held = locks.hold(app); Connection c = admin.borrow()) {
      return work.run(c);
    } catch (SQLException e) {
      // The pool says it timed out; its cause says why (the server refused or did not answer).
      String why = e.getCause() instanceof SQLException cause ? e.getMessage() + ": " + cause.getMessage() : e.getMessage();
      throw new ServiceException(MySqlSql.SERVICE, MySqlSql.unavailable(e), 0, "MySQL at " + server.host() + ":"
          + server.port() + " could not " + what + ": " + why, e);
    }
  }
}
