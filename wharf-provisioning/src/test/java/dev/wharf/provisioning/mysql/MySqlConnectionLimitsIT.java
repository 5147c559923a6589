package dev.wharf.provisioning.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.core.AppRef;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.core.MySqlServer;
import dev.wharf.core.Names;
import dev.wharf.core.Secret;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.TestServers;
import dev.wharf.provisioning.Writes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fair sharing of the shared MySQL, on the real server: each app's user holds at most its
 * MAX_USER_CONNECTIONS, and the operator's own administrator sessions are a bounded pool.
 */
class MySqlConnectionLimitsIT {
  /** ER_USER_LIMIT_REACHED: "User ... has exceeded the 'max_user_connections' resource". */
  private static final int USER_LIMIT_REACHED = 1226;

  private static MySqlServer server;
  private static Writes writes;
  private static MySqlProvisioner mysql;

  @BeforeAll
  static void start() {
    server = TestServers.mysql();
    writes = new Writes();
    mysql = new MySqlProvisioner(server, writes);
  }

  @AfterAll
  static void stop() {
    mysql.close();
  }

  private static AppRef newApp(String name) {
    return AppRef.of(TestServers.uniqueNamespace("lim"), name);
  }

  private static Connection as(AppRef app, Secret password) throws SQLException {
    return DriverManager.getConnection(mysql.jdbcUrl(app), Names.mysqlUser(app), password.reveal());
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(""), server.adminUser(), server.adminPassword().reveal());
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (var st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static int limitOnServer(AppRef app) throws SQLException {
    try (var c = admin(); var st = c.prepareStatement(
        "SELECT max_user_connections FROM mysql.user WHERE User = ? AND Host = '%'")) {
      st.setString(1, Names.mysqlUser(app));
      try (var rs = st.executeQuery()) {
        assertThat(rs.next()).as("user of " + app + " exists").isTrue();
        return rs.getInt(1);
      }
    }
  }

  private static long alterUsersOnServer() throws SQLException {
    try (var c = admin(); var st = c.createStatement();
        var rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_alter_user'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  @Test
  void connectionBeyondTheLimitIsRefusedByTheServerWhileAnotherAppStillConnects() throws Exception {
    var greedy = newApp("greedy");
    var neighbour = newApp("neighbour");
    Secret greedyPassword = mysql.ensure(greedy, MySqlPrivileges.READ_WRITE, 3).secret().orElseThrow();
    Secret neighbourPassword = mysql.ensure(neighbour, MySqlPrivileges.READ_WRITE).secret().orElseThrow();
    assertThat(limitOnServer(greedy)).isEqualTo(3);
    assertThat(limitOnServer(neighbour)).isEqualTo(MySqlProvisioner.DEFAULT_MAX_CONNECTIONS);

    List<Connection> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(as(greedy, greedyPassword));
      }
      assertThatThrownBy(() -> as(greedy, greedyPassword).close())
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(USER_LIMIT_REACHED);
            assertThat(e.getMessage()).contains("max_user_connections");
          });
      try (var c = as(neighbour, neighbourPassword); var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    } finally {
      for (var c : open) {
        c.close();
      }
    }
    as(greedy, greedyPassword).close(); // a session given back makes room again
  }

  @Test
  void aChangedLimitIsAppliedByTheNextEnsureAndAnUnchangedOneWritesNothing() throws Exception {
    var app = newApp("resized");
    assertThat(mysql.ensure(app, MySqlPrivileges.READ_WRITE, 3).change()).isEqualTo(Change.CREATED);

    Outcome resized = mysql.ensure(app, MySqlPrivileges.READ_WRITE, 5);
    assertThat(resized.change()).isEqualTo(Change.UPDATED);
    assertThat(resized.secret()).as("the password stays").isEmpty();
    assertThat(limitOnServer(app)).isEqualTo(5);

    long counted = writes.count();
    long onServer = alterUsersOnServer();
    assertThat(mysql.ensure(app, MySqlPrivileges.READ_WRITE, 5).change()).isEqualTo(Change.UNCHANGED);
    assertThat(writes.count()).isEqualTo(counted);
    assertThat(alterUsersOnServer()).isEqualTo(onServer);

    try (var c = admin()) { // someone lifts the limit by hand: the next ensure puts it back
      exec(c, "ALTER USER " + MySqlSql.account(Names.mysqlUser(app)) + " WITH MAX_USER_CONNECTIONS 0");
    }
    assertThat(mysql.ensure(app, MySqlPrivileges.READ_WRITE, 5).change()).isEqualTo(Change.UPDATED);
    assertThat(limitOnServer(app)).isEqualTo(5);
  }

  @Test
  void aLimitOutOfRangeIsRefusedBeforeAnyServerCall() {
    try (var nowhere = new MySqlProvisioner(new MySqlServer("127.0.0.1", 1, "root", Secret.of("x")), new Writes())) {
      assertThatThrownBy(() -> nowhere.ensure(AppRef.of("team-a", "greeter"), MySqlPrivileges.READ_WRITE, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 1 to");
    }
  }

  /**
   * Thirty ensures at once through a pool of three administrator sessions. The administrator
   * account itself may hold only three sessions on the server, so a fourth session would fail
   * an ensure (error 1226); all thirty completing proves the burst waited for the pool. A
   * sampler also watches the server's process list for that account.
   */
  @Test
  void aBurstOfEnsuresWaitsForTheBoundedAdminPool() throws Exception {
    int poolSize = 3;
    String adminUser = TestServers.uniqueNamespace("pool-admin");
    Secret adminPassword = Secret.generate();
    try (var c = admin(); var st = c.prepareStatement("CREATE USER '" + adminUser + "'@'%' IDENTIFIED BY ?"
        + " WITH MAX_USER_CONNECTIONS " + poolSize)) {
      st.setString(1, adminPassword.reveal());
      st.execute();
      exec(c, "GRANT ALL PRIVILEGES ON *.* TO '" + adminUser + "'@'%' WITH GRANT OPTION");
    }
    var bounded = new MySqlServer(server.host(), server.port(), adminUser, adminPassword);
    String namespace = TestServers.uniqueNamespace("burst");
    var mostSeen = new AtomicInteger();
    var sampling = new AtomicBoolean(true);
    try (var provisioner = new MySqlProvisioner(bounded, poolSize, new Writes());
        var threads = Executors.newFixedThreadPool(31)) {
      Future<?> sampler = threads.submit(() -> {
        try (var c = admin(); var st = c.prepareStatement(
            "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = ?")) {
          st.setString(1, adminUser);
          while (sampling.get()) {
            try (var rs = st.executeQuery()) {
              rs.next();
              mostSeen.accumulateAndGet(rs.getInt(1), Math::max);
            }
          }
        }
        return null;
      });
      var tasks = new ArrayList<Callable<Outcome>>();
      for (int i = 0; i < 30; i++) {
        var app = AppRef.of(namespace, "app-" + i);
        tasks.add(() -> provisioner.ensure(app, MySqlPrivileges.READ_WRITE));
      }
      List<Future<Outcome>> done = threads.invokeAll(tasks);
      sampling.set(false);
      sampler.get();
      for (var f : done) {
        assertThat(f.get().change()).isEqualTo(Change.CREATED);
      }
    } finally {
      try (var c = admin()) {
        exec(c, "DROP USER IF EXISTS '" + adminUser + "'@'%'");
      }
    }
    assertThat(mostSeen.get()).isBetween(1, poolSize);
  }
}
