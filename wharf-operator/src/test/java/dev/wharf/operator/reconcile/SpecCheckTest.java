package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.MySqlSpec;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.operator.model.ClusterSettings;
import dev.wharf.api.OidcSpec;
import dev.wharf.api.RedisSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecCheckTest {
  final SpecCheck check = new SpecCheck(Set.of("team-a", "team-b"));

  static App app(String ns, String name, String team, String created) {
    App app = new App(ns, name, new AppSpec(team));
    app.getMetadata().setCreationTimestamp(created);
    return app;
  }

  static StepFailure.Refusal refusal(Runnable r) {
    try {
      r.run();
    } catch (StepFailure.Refusal e) {
      return e;
    }
    throw new AssertionError("expected a refusal");
  }

  @Test
  void acceptsAnAppInItsTeamsNamespace() {
    assertThat(check.check(app("team-a", "greeter", "team-a", null), Map.of(), List.of()).toString()).isEqualTo("team-a/greeter");
  }

  @Test
  void unknownTeamListsTheKnownOnes() {
    var e = refusal(() -> check.check(app("team-a", "x", "team-z", null), Map.of(), List.of()));
    assertThat(e.reason().value()).isEqualTo("InvalidSpec");
    assertThat(e.getMessage()).contains("unknown team 'team-z'", "[team-a, team-b]", "WHARF_TEAMS");
  }

  @Test
  void anotherTeamsNamespaceNeedsTheTeamLabel() {
    App app = app("shared", "x", "team-a", null);
    assertThat(refusal(() -> check.check(app, Map.of(), List.of())).getMessage())
        .contains("namespace shared does not belong to team team-a", "platform.wharf.dev/team=team-a");
    Map<String, String> tenant = Map.of(SpecCheck.TENANT_LABEL, "true", SpecCheck.TEAM_LABEL, "team-a");
    assertThat(check.check(app, tenant, List.of())).isNotNull();
    assertThat(refusal(() -> check.check(app, Map.of(SpecCheck.TENANT_LABEL, "true", SpecCheck.TEAM_LABEL, "team-b"),
        List.of())).reason().value()).isEqualTo("InvalidSpec");
    assertThat(refusal(() -> check.check(app, Map.of(SpecCheck.TEAM_LABEL, "team-a"), List.of())).getMessage())
        .as("not a tenant namespace").contains("shared is not a Wharf tenant namespace", "gitops/tenants/template");
  }

  @Test
  void badNamesAndUrisAreRefusedWithWhatToDo() {
    assertThat(refusal(() -> check.check(app("team-a", "Bad_Name", "team-a", null), Map.of(), List.of())).getMessage())
        .contains("Bad_Name");
    App prefix = app("team-a", "p", "team-a", null);
    prefix.getSpec().setRedis(new RedisSpec(true, "p*"));
    assertThat(refusal(() -> check.check(prefix, Map.of(), List.of())).getMessage()).contains("key prefix");
    App oidc = app("team-a", "o", "team-a", null);
    oidc.getSpec().setOidc(new OidcSpec(true, List.of("http://evil.example.com/*"), List.of()));
    assertThat(refusal(() -> check.check(oidc, Map.of(), List.of())).getMessage()).contains("https");
    oidc.getSpec().setOidc(new OidcSpec(true, List.of("https://*.example.com/"), List.of()));
    assertThat(refusal(() -> check.check(oidc, Map.of(), List.of())).getMessage()).contains("wildcard");
    oidc.getSpec().setOidc(new OidcSpec(true, List.of("https://ok.example.com/*", "http://localhost:8080/cb"), List.of()));
    assertThat(check.check(oidc, Map.of(), List.of())).isNotNull();
  }

  @Test
  void keyPrefixesShorterThanThreeCharactersAreRefused() {
    App shortPrefix = app("team-a", "cache", "team-a", null);
    shortPrefix.getSpec().setRedis(new RedisSpec(true, "ca"));
    assertThat(refusal(() -> check.check(shortPrefix, Map.of(), List.of())).getMessage())
        .contains("\"ca\"", "shorter than 3");
    App shortName = app("team-a", "x", "team-a", null); // default prefix "x:"
    shortName.getSpec().setRedis(new RedisSpec(true, null));
    assertThat(refusal(() -> check.check(shortName, Map.of(), List.of())).reason().value()).isEqualTo("InvalidSpec");
  }

  @Test
  void theAppCreatedLaterLosesAnOverlappingPrefix() {
    App older = app("team-a", "first", "team-a", "2026-01-01T00:00:00Z");
    older.getSpec().setRedis(new RedisSpec(true, "shop:"));
    App newer = app("team-b", "second", "team-b", "2026-01-02T00:00:00Z");
    newer.getSpec().setRedis(new RedisSpec(true, "shop:cart:"));
    List<App> all = List.of(older, newer);
    var e = refusal(() -> check.check(newer, Map.of(), all));
    assertThat(e.reason().value()).isEqualTo("KeyPrefixConflict");
    assertThat(e.getMessage()).contains("team-a/first");
    assertThat(check.check(older, Map.of(), all)).as("the older keeps its prefix").isNotNull();
  }

  @Test
  void defaultPrefixesOfSameNamedAppsCollide() {
    App older = app("team-a", "api", "team-a", "2026-01-01T00:00:00Z");
    older.getSpec().setRedis(new RedisSpec(true, null));
    App newer = app("team-b", "api", "team-b", "2026-01-02T00:00:00Z");
    newer.getSpec().setRedis(new RedisSpec(true, null));
    assertThatThrownBy(() -> check.check(newer, Map.of(), List.of(older, newer)))
        .hasMessageContaining("\"api:\"").hasMessageContaining("team-b:api:");
  }

  static App withMySqlConnections(Integer maxConnections) {
    App app = app("team-a", "db", "team-a", null);
    MySqlSpec mysql = new MySqlSpec(true, MySqlPrivileges.READ_WRITE);
    mysql.setMaxConnections(maxConnections);
    app.getSpec().setMysql(mysql);
    return app;
  }

  @Test
  void mySqlConnectionsAboveThePlatformMaximumAreRefusedNamingTheMaximum() {
    var limited = new SpecCheck(Set.of("team-a"), new ClusterSettings.MySqlConnections(20, 50));
    assertThat(limited.check(withMySqlConnections(50), Map.of(), List.of())).isNotNull();
    assertThat(limited.check(withMySqlConnections(1), Map.of(), List.of())).isNotNull();
    assertThat(limited.check(withMySqlConnections(null), Map.of(), List.of())).as("the default applies").isNotNull();
    var e = refusal(() -> limited.check(withMySqlConnections(51), Map.of(), List.of()));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_SPEC);
    assertThat(e.getMessage()).contains("spec.mysql.maxConnections is 51", "maximum of 50", "set it to 50 or less",
        "MYSQL_APP_CONNECTIONS_MAX");
    assertThat(refusal(() -> limited.check(withMySqlConnections(0), Map.of(), List.of())).getMessage())
        .contains("set at least 1", "default of 20");
  }

  @Test
  void aConnectionLimitOfADisabledDatabaseIsNotChecked() {
    App app = withMySqlConnections(1000);
    app.getSpec().getMysql().setEnabled(false);
    assertThat(check.check(app, Map.of(), List.of())).isNotNull();
  }

  @Test
  void anAppGetsThePlatformDefaultUnlessItsSpecSaysOtherwise() {
    var connections = new ClusterSettings.MySqlConnections(20, 100);
    assertThat(connections.forApp(null)).isEqualTo(20);
    assertThat(connections.forApp(7)).isEqualTo(7);
    assertThatThrownBy(() -> new ClusterSettings.MySqlConnections(101, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClusterSettings.MySqlConnections(0, 100)).isInstanceOf(IllegalArgumentException.class);
  }
}
