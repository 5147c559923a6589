package dev.wharf.provisioning.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.core.AppRef;
import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.InvalidNameException;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.core.MySqlServer;
import dev.wharf.core.Names;
import dev.wharf.core.Secret;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ServiceException;
import dev.wharf.provisioning.TestServers;
import dev.wharf.provisioning.Writes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the shared local MariaDB. */
class MySqlProvisionerIT {

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
    return AppRef.of(TestServers.uniqueNamespace("my"), name);
  }

  private static Secret created(Outcome outcome) {
    assertThat(outcome.change()).isEqualTo(Change.CREATED);
    return outcome.secret().orElseThrow();
  }

  private static Connection as(AppRef app, Secret password) throws SQLException {
    return DriverManager.getConnection(mysql.jdbcUrl(app), Names.mysqlUser(app),
        password.reveal());
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(""), server.adminUser(),
        server.adminPassword().reveal());
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (var st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static long accountWritesOnServer() throws SQLException {
    long sum = 0;
    try (var c = admin(); var st = c.createStatement(); var rs = st.executeQuery(
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_create_user', 'Com_alter_user',"
            + " 'Com_drop_user', 'Com_grant', 'Com_revoke', 'Com_revoke_all', 'Com_create_db',"
            + " 'Com_drop_db', 'Com_kill')")) {
      while (rs.next()) {
        sum += rs.getLong(2);
      }
    }
    return sum;
  }

  @Test
  void appCredentialsReachOnlyTheAppsOwnDatabase() throws Exception {
    var a = newApp("alpha");
    var b = newApp("beta");
    var aPassword = created(mysql.ensure(a, MySqlPrivileges.READ_WRITE));
    var bPassword = created(mysql.ensure(b, MySqlPrivileges.READ_WRITE));
    try (var cb = as(b, bPassword)) {
      exec(cb, "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20))");
      exec(cb, "INSERT INTO notes VALUES (1, 'b-secret')");
    }
    String bTable = MySqlSql.quoteName(Names.mysqlDatabase(b)) + ".notes";
    try (var ca = as(a, aPassword)) {
      exec(ca, "CREATE TABLE items (id INT PRIMARY KEY)");
      exec(ca, "INSERT INTO items VALUES (1)");
      assertDenied(ca, "SELECT * FROM " + bTable);
      assertDenied(ca, "INSERT INTO " + bTable + " VALUES (2, 'x')");
      assertDenied(ca, "DROP TABLE " + bTable);
      assertDenied(ca, "CREATE DATABASE sneaky");
      assertDenied(ca, "CREATE USER 'sneaky'@'%' IDENTIFIED BY 'x'");
      assertDenied(ca, "GRANT SELECT ON " + MySqlSql.quoteName(Names.mysqlDatabase(a))
          + ".* TO " + MySqlSql.grantee(Names.mysqlUser(b)));
      assertDenied(ca, "SELECT * FROM mysql.user");
      var visible = new ArrayList<String>();
      try (var st = ca.createStatement(); var rs = st.executeQuery("SHOW DATABASES")) {
        while (rs.next()) {
          visible.add(rs.getString(1));
        }
      }
      assertThat(visible).contains(Names.mysqlDatabase(a))
          .doesNotContain(Names.mysqlDatabase(b), "mysql");
    }
    try (var cb = as(b, bPassword); var st = cb.createStatement();
        var rs = st.executeQuery("SELECT body FROM notes")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("b-secret");
    }
  }

  private static void assertDenied(Connection c, String sql) {
    assertThatThrownBy(() -> exec(c, sql)).as(sql).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getErrorCode())
            .as("error code of: " + sql).isIn(1044, 1142, 1227, 1045, 1410, 1370));
  }

  @Test
  void secondEnsureReportsUnchangedAndWritesNothing() throws Exception {
    var app = newApp("idem");
    created(mysql.ensure(app, MySqlPrivileges.READ_WRITE));
    long countedBefore = writes.count();
    long serverBefore = accountWritesOnServer();
    var again = mysql.ensure(app, MySqlPrivileges.READ_WRITE);
    assertThat(again.change()).isEqualTo(Change.UNCHANGED);
    assertThat(again.secret()).isEmpty();
    assertThat(writes.count()).isEqualTo(countedBefore);
    assertThat(accountWritesOnServer()).isEqualTo(serverBefore);
  }

  @Test
  void verifyChecksAPasswordWithoutWriting() throws Exception {
    var app = newApp("verify");
    var password = created(mysql.ensure(app, MySqlPrivileges.READ_WRITE));
    long serverBefore = accountWritesOnServer();
    long countedBefore = writes.count();
    assertThat(mysql.verify(app, password)).isTrue();
    assertThat(mysql.verify(app, Secret.of("wrong-password"))).isFalse();
    assertThat(mysql.verify(newApp("nobody"), password)).isFalse();
    assertThat(accountWritesOnServer()).isEqualTo(serverBefore);
    assertThat(writes.count()).isEqualTo(countedBefore);
  }

  @Test
  void rotationRetiresTheOldPassword() throws Exception {
    var app = newApp("rotate");
    var old = created(mysql.ensure(app, MySqlPrivileges.READ_WRITE));
    var rotated = mysql.rotate(app);
    assertThat(rotated.change()).isEqualTo(Change.UPDATED);
    var fresh = rotated.secret().orElseThrow();
    assertThat(fresh).isNotEqualTo(old);
    assertThat(mysql.verify(app, old)).isFalse();
    assertThat(mysql.verify(app, fresh)).isTrue();
    assertThatThrownBy(() -> as(app, old).close()).isInstanceOf(SQLException.class);
    as(app, fresh).close();
    assertThat(mysql.rotate(newApp("never-made")).change()).isEqualTo(Change.ABSENT);
  }

  @Test
  void privilegesFollowTheSpecAndDriftIsCorrected() throws Exception {
    var app = newApp("drift");
    var password = created(mysql.ensure(app, MySqlPrivileges.READ_WRITE));
    try (var c = as(app, password)) {
      exec(c, "CREATE TABLE t (id INT)");
    }
    assertThat(mysql.ensure(app, MySqlPrivileges.READ_ONLY).change()).isEqualTo(Change.UPDATED);
    try (var c = as(app, password)) {
      exec(c, "SELECT * FROM t");
      assertDenied(c, "INSERT INTO t VALUES (1)");
    }
    try (var c = admin()) {
      exec(c, "GRANT SELECT ON mysql.* TO " + MySqlSql.grantee(Names.mysqlUser(app)));
      exec(c, "GRANT PROCESS ON *.* TO " + MySqlSql.grantee(Names.mysqlUser(app)));
    }
    assertThat(mysql.ensure(app, MySqlPrivileges.READ_ONLY).change()).isEqualTo(Change.UPDATED);
    try (var c = admin()) {
      exec(c, "GRANT UPDATE (id) ON " + MySqlSql.quoteName(Names.mysqlDatabase(app))
          + ".t TO " + MySqlSql.grantee(Names.mysqlUser(app)));
    }
    assertThat(mysql.ensure(app, MySqlPrivileges.READ_ONLY).change()).isEqualTo(Change.UPDATED);
    try (var c = as(app, password)) {
      assertDenied(c, "SELECT * FROM mysql.user");
      assertDenied(c, "UPDATE t SET id = 2");
    }
    assertThat(mysql.ensure(app, MySqlPrivileges.READ_ONLY).change())
        .isEqualTo(Change.UNCHANGED);
  }

  @Test
  void deleteKeepingDataRemovesAccessButNotTheData() throws Exception {
    var app = newApp("keep");
    var password = created(mysql.ensure(app, MySqlPrivileges.READ_WRITE));
    var open = as(app, password);
    exec(open, "CREATE TABLE kept (v INT)");
    exec(open, "INSERT INTO kept VALUES (42)");
    assertThat(mysql.delete(app, DeletionPolicy.RETAIN).change()).isEqualTo(Change.DELETED);
    assertThat(mysql.verify(app, password)).isFalse();
    assertThatThrownBy(() -> exec(open, "SELECT * FROM kept"))
        .as("the app's open session is ended").isInstanceOf(SQLException.class);
    open.close();
    try (var c = admin(); var st = c.createStatement(); var rs = st.executeQuery(
        "SELECT v FROM " + MySqlSql.quoteName(Names.mysqlDatabase(app)) + ".kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
    assertThat(mysql.delete(app, DeletionPolicy.RETAIN).change()).isEqualTo(Change.ABSENT);
    assertThat(mysql.delete(app, DeletionPolicy.DELETE).change()).isEqualTo(Change.DELETED);
    assertThat(mysql.delete(app, DeletionPolicy.DELETE).change()).isEqualTo(Change.ABSENT);
  }

  @Test
  void deleteDroppingDataRemovesTheDatabase() throws Exception {
    var app = newApp("drop");
    created(mysql.ensure(app, MySqlPrivileges.READ_WRITE));
    assertThat(mysql.delete(app, DeletionPolicy.DELETE).change()).isEqualTo(Change.DELETED);
    try (var c = admin(); var st = c.prepareStatement(
        "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
      st.setString(1, Names.mysqlDatabase(app));
      try (var rs = st.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  @Test
  void twentyAppsInParallelAreEachCreatedOnce() throws Exception {
    String namespace = TestServers.uniqueNamespace("par");
    var apps = new ArrayList<AppRef>();
    for (int i = 0; i < 20; i++) {
      apps.add(AppRef.of(namespace, "app-" + i));
    }
    var first = runInParallel(apps, MySqlPrivileges.READ_WRITE);
    assertThat(first).allSatisfy(o -> assertThat(o.change()).isEqualTo(Change.CREATED));
    assertThat(new HashSet<>(first.stream().map(o -> o.secret().orElseThrow()).toList()))
        .hasSize(20);
    var second = runInParallel(apps, MySqlPrivileges.READ_WRITE);
    assertThat(second).allSatisfy(o -> assertThat(o.change()).isEqualTo(Change.UNCHANGED));
    try (var c = admin(); var st = c.prepareStatement(
        "SELECT COUNT(*), COUNT(DISTINCT User) FROM mysql.user WHERE User LIKE ?")) {
      st.setString(1, namespace + ".%");
      try (var rs = st.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(20);
        assertThat(rs.getInt(2)).isEqualTo(20);
      }
    }
  }

  private static List<Outcome> runInParallel(List<AppRef> apps, MySqlPrivileges privileges)
      throws Exception {
    try (var pool = Executors.newFixedThreadPool(apps.size())) {
      var tasks = new ArrayList<Callable<Outcome>>();
      for (var app : apps) {
        tasks.add(() -> mysql.ensure(app, privileges));
      }
      var outcomes = new ArrayList<Outcome>();
      for (Future<Outcome> f : pool.invokeAll(tasks)) {
        outcomes.add(f.get());
      }
      return outcomes;
    }
  }

  @Test
  void anUnreachableServerIsReportedUnavailable() {
    try (var nowhere = new MySqlProvisioner(
        new MySqlServer("127.0.0.1", 1, "root", Secret.of("x")), new Writes())) {
      assertThatThrownBy(() -> nowhere.ensure(AppRef.of("team-a", "greeter"), MySqlPrivileges.READ_WRITE))
          .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.unavailable()).isTrue());
      assertThatThrownBy(() -> nowhere.verify(AppRef.of("team-a", "greeter"), Secret.of("x")))
          .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.unavailable()).isTrue());
    }
  }

  @Test
  void badNamesAreRejectedBeforeAnyServerCall() {
    // A provisioner pointed at a port nothing listens on: any server call would fail with a
    // connection error, so an InvalidNameException proves none was made.
    try (var nowhere = new MySqlProvisioner(
        new MySqlServer("127.0.0.1", 1, "root", Secret.of("x")), new Writes())) {
      assertThatThrownBy(() -> nowhere.ensure(AppRef.of("team-a", "a'; DROP DATABASE x; --"),
          MySqlPrivileges.READ_WRITE)).isInstanceOf(InvalidNameException.class)
          .hasMessageContaining("invalid app name");
    }
    assertThatThrownBy(() -> AppRef.of("Team_A", "greeter"))
        .isInstanceOf(InvalidNameException.class).hasMessageContaining("invalid namespace");
  }
}
