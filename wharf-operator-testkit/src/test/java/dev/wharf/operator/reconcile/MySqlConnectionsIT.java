package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.MySqlSpec;
import dev.wharf.core.MySqlPrivileges;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * spec.mysql.maxConnections end to end: it reaches the real MySQL as the user's
 * MAX_USER_CONNECTIONS, the platform's default applies without it, a change is applied, and a
 * value above the platform's maximum (100 in the harness, the platform default) is refused.
 */
class MySqlConnectionsIT extends WithOperator {
  static AppSpec mysql(Integer maxConnections) {
    AppSpec spec = new AppSpec("team-a");
    MySqlSpec mysql = new MySqlSpec(true, MySqlPrivileges.READ_WRITE);
    mysql.setMaxConnections(maxConnections);
    spec.setMysql(mysql);
    return spec;
  }

  /** The user's MAX_USER_CONNECTIONS on the server, or empty when there is no such user. */
  OptionalInt limitOnServer(String user) throws SQLException {
    var m = h.runtime.mysql();
    try (var c = DriverManager.getConnection(m.jdbcUrl(null), m.adminUser(), m.adminPassword().reveal());
         var ps = c.prepareStatement("SELECT max_user_connections FROM mysql.user WHERE User = ? AND Host = '%'")) {
      ps.setString(1, user);
      var rs = ps.executeQuery();
      return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
    }
  }

  @Test
  void theSpecsLimitReachesTheServerAndAChangeIsApplied() throws Exception {
    apps.create("team-a", "limited", mysql(4));
    apps.awaitReady("team-a", "limited");
    assertThat(limitOnServer("team-a.limited")).hasValue(4);

    h.patch("team-a", "limited", "{\"spec\":{\"mysql\":{\"maxConnections\":6}}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> limitOnServer("team-a.limited").equals(OptionalInt.of(6)));
    App app = apps.awaitReady("team-a", "limited");
    assertThat(apps.mysqlLogin(apps.kv("team-a", "limited"))).as("the password stays").isTrue();
    assertThat(app.getStatus().isTrue(AppStatus.READY)).isTrue();
  }

  @Test
  void withoutALimitInTheSpecThePlatformDefaultApplies() throws Exception {
    apps.create("team-a", "defaulted", mysql(null));
    apps.awaitReady("team-a", "defaulted");
    assertThat(limitOnServer("team-a.defaulted")).hasValue(20);
  }

  @Test
  void aLimitAboveThePlatformMaximumIsRefusedAndNothingIsMade() throws Exception {
    apps.create("team-a", "greedy", mysql(101));
    App app = apps.awaitCondition("team-a", "greedy", AppStatus.READY, false);
    var ready = app.getStatus().condition(AppStatus.READY).orElseThrow();
    assertThat(ready.getReason()).isEqualTo("InvalidSpec");
    assertThat(ready.getMessage()).contains("spec.mysql.maxConnections is 101", "maximum of 100", "100 or less");
    assertThat(limitOnServer("team-a.greedy")).isEmpty();

    h.patch("team-a", "greedy", "{\"spec\":{\"mysql\":{\"maxConnections\":100}}}");
    apps.awaitReady("team-a", "greedy");
    assertThat(limitOnServer("team-a.greedy")).hasValue(100);
  }
}
