package dev.wharf.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void derivesEveryIdentifierFromNamespaceAndApp() {
    var app = AppRef.of("team-a", "greeter");
    assertThat(Names.mysqlDatabase(app)).isEqualTo("team-a.greeter");
    assertThat(Names.mysqlUser(app)).isEqualTo("team-a.greeter");
    assertThat(Names.redisUser(app)).isEqualTo("team-a.greeter");
    assertThat(Names.keycloakClientId(app)).isEqualTo("team-a.greeter");
    assertThat(Names.defaultKeyPrefix(app)).isEqualTo(KeyPrefix.of("greeter:"));
    assertThat(Names.keycloakGroup(TeamName.of("team-a"))).isEqualTo("team-a");
  }

  @Test
  void dashesInLabelsCannotMakeTwoAppsCollide() {
    var one = AppRef.of("a-b", "c");
    var two = AppRef.of("a", "b-c");
    assertThat(Names.mysqlUser(one)).isNotEqualTo(Names.mysqlUser(two));
    assertThat(Names.keycloakClientId(one)).isNotEqualTo(Names.keycloakClientId(two));
    var three = AppRef.of("a--b", "c");
    var four = AppRef.of("a", "b--c");
    assertThat(Names.mysqlDatabase(three)).isNotEqualTo(Names.mysqlDatabase(four));
  }

  @Test
  void longNamesAreShortenedStablyWithinServerLimits() {
    var app = AppRef.of("n".repeat(63), "a".repeat(63));
    String user = Names.mysqlUser(app);
    String db = Names.mysqlDatabase(app);
    assertThat(user).hasSize(Names.MYSQL_USER_MAX).contains("~").startsWith("nnnn");
    assertThat(db).hasSizeLessThanOrEqualTo(Names.MYSQL_DATABASE_MAX).contains("~");
    assertThat(Names.mysqlUser(AppRef.of("n".repeat(63), "a".repeat(63)))).isEqualTo(user);
  }

  @Test
  void shortenedNamesDifferWhenTheStartIsShared() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 500; i++) {
      seen.add(Names.mysqlUser(AppRef.of("shared-namespace-prefix", "app-number-" + i)));
    }
    assertThat(seen).hasSize(500);
    assertThat(seen).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(32));
  }

  @Test
  void namesNeverHoldMySqlGrantWildcards() {
    var app = AppRef.of("x".repeat(40), "y".repeat(40));
    assertThat(Names.mysqlDatabase(app)).doesNotContain("_", "%");
    assertThat(Names.mysqlUser(app)).doesNotContain("_", "%");
  }

  @Test
  void fitLeavesShortNamesAlone() {
    assertThat(Names.fit("abc", 3)).isEqualTo("abc");
    assertThat(Names.fit("abcd".repeat(10), 20)).hasSize(20);
  }

  @Test
  void injectionAttemptIsRejectedBeforeAnyNameIsDerived() {
    assertThatThrownBy(() -> AppRef.of("team-a", "a'; DROP DATABASE x; --"))
        .isInstanceOf(InvalidNameException.class)
        .hasMessageContaining("invalid app name")
        .hasMessageContaining("DNS label");
  }

  static final String HARBOR_RULE = "^[a-z0-9]+(?:[._-][a-z0-9]+)*$";

  @Test
  void robotNameIsTheQualifiedNameWhenHarborAcceptsIt() {
    assertThat(Names.harborRobot(AppRef.of("team-a", "greeter"))).isEqualTo("team-a.greeter");
  }

  @Test
  void namesWithADoubleHyphenGetAStableHashedRobotName() {
    String robot = Names.harborRobot(AppRef.of("team-a", "my--app"));
    assertThat(robot).matches(HARBOR_RULE).startsWith("app-").doesNotContain(".");
    assertThat(Names.harborRobot(AppRef.of("team-a", "my--app"))).isEqualTo(robot);
    assertThat(Names.harborRobot(AppRef.of("team--a", "my-app"))).matches(HARBOR_RULE).isNotEqualTo(robot);
  }

  @Test
  void dashboardUidsAreUniqueAcrossNamespacesAndFitGrafana() {
    assertThat(Names.dashboardUid(AppRef.of("team-a", "x"))).isEqualTo("wharf-team-a_x")
        .isNotEqualTo(Names.dashboardUid(AppRef.of("team", "a-x")));
    var seen = new HashSet<String>();
    for (int i = 0; i < 200; i++) {
      String uid = Names.dashboardUid(AppRef.of("a-rather-long-namespace-name", "app-number-" + i));
      assertThat(uid).hasSizeLessThanOrEqualTo(Names.DASHBOARD_UID_MAX).matches("[a-zA-Z0-9_-]+");
      seen.add(uid);
    }
    assertThat(seen).hasSize(200);
    // A shortened uid ends in "__" and hex; no app's plain uid can be spelled that way.
    String shortened = Names.dashboardUid(AppRef.of("n".repeat(20), "a".repeat(30)));
    assertThat(shortened).hasSize(Names.DASHBOARD_UID_MAX).contains("__");
    assertThat(shortened.chars().filter(c -> c == '_').count()).isNotEqualTo(1);
  }

  @Test
  void objectsInTheAppsNamespaceAreNamedAfterTheApp() {
    var app = AppRef.of("team-a", "greeter");
    assertThat(Names.kvPath(app)).isEqualTo("apps/team-a/greeter");
    assertThat(Names.serviceAccount(app)).isEqualTo("greeter");
    assertThat(Names.platformSecret(app)).isEqualTo("greeter-platform");
    assertThat(Names.registrySecret(app)).isEqualTo("greeter-registry");
    assertThat(Names.secretStore(app)).isEqualTo("greeter-openbao");
    assertThat(Names.dashboardConfigMap(app)).isEqualTo("greeter-dashboard");
    assertThat(Names.networkPolicy(app)).isEqualTo("greeter-platform-egress");
    assertThat(Names.harborProject(TeamName.of("team-a"))).isEqualTo("team-a");
  }
}
