package dev.wharf.operator.harbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.core.Secret;
import dev.wharf.operator.stub.HarborStub;
import dev.wharf.provisioning.ServiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Contract test: the Harbor client against a stub that follows Harbor's v2.0 swagger. */
class HarborClientContractTest {
  static final HarborStub STUB = new HarborStub("admin", "harbor-pw");
  final HarborClient client = new HarborClient(STUB.uri(), "admin", () -> "harbor-pw");

  @AfterAll
  static void stop() {
    STUB.close();
  }

  @Test
  void createsProjectOnceAndFindsItByName() {
    assertThat(client.projectId("team-c")).isEmpty();
    client.createProject("team-c");
    client.createProject("team-c"); // 409 is fine
    assertThat(client.projectId("team-c")).isPresent();
    assertThat(STUB.calls()).anyMatch(c -> c.method().equals("GET") && c.path().equals("/api/v2.0/projects/team-c"));
  }

  @Test
  void pullRobotSecretIsShownOnceAndRobotIsListedAndDeleted() {
    STUB.addProject("team-r");
    long projectId = client.projectId("team-r").orElseThrow();
    RobotCredentials created = client.createPullRobot("team-r", "team-r-app", "pull for team-r/app");
    assertThat(created.name()).isEqualTo("robot$team-r+team-r-app");
    assertThat(created.secret()).isNotBlank();
    assertThat(created.toString()).doesNotContain(created.secret());
    assertThat(STUB.robotLoginWorks(created.name(), created.secret())).isTrue();
    assertThat(STUB.robots()).filteredOn(r -> r.id() == created.id())
        .singleElement().satisfies(r -> assertThat(r.actions()).containsExactly("repository:pull"));

    assertThat(client.projectRobots(projectId)).containsExactly(new Robot(created.id(), created.name(), "pull for team-r/app", "team-r"));
    assertThat(client.robot(created.id())).hasValue(new Robot(created.id(), created.name(), "pull for team-r/app", "team-r"));

    client.deleteRobot(created.id());
    assertThat(client.projectRobots(projectId)).isEmpty();
    assertThat(client.robot(created.id())).isEmpty();
  }

  @Test
  void aSecretIsRefreshedInPlaceKeepingTheRobotAndItsId() {
    STUB.addProject("team-s");
    RobotCredentials created = client.createPullRobot("team-s", "team-s-app", "pull for team-s/app");
    Secret mine = RobotSecrets.generate();
    client.refreshSecret(created.id(), mine);
    assertThat(STUB.robotLoginWorks(created.name(), mine.reveal())).isTrue();
    assertThat(STUB.robotLoginWorks(created.name(), created.secret())).isFalse();
    assertThat(client.robot(created.id())).get().extracting(Robot::name).isEqualTo(created.name());
    assertThat(STUB.calls()).anyMatch(c -> c.method().equals("PATCH") && c.path().equals("/api/v2.0/robots/" + created.id()));
  }

  @Test
  void harborRefusesASecretOutsideItsRuleAndAnUnknownRobot() {
    STUB.addProject("team-w");
    RobotCredentials created = client.createPullRobot("team-w", "team-w-app", "x");
    for (String weak : new String[] {"Short1a", "alllowercase1", "ALLUPPERCASE1", "NoDigitsHere"}) {
      assertThatThrownBy(() -> client.refreshSecret(created.id(), Secret.of(weak))).as(weak)
          .isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.unavailable()).isFalse();
          });
    }
    assertThat(STUB.robotLoginWorks(created.name(), created.secret())).as("unchanged").isTrue();
    assertThatThrownBy(() -> client.refreshSecret(999_999, RobotSecrets.generate()))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void theTokenServiceTellsAWorkingRobotSecretFromAWrongOneWithoutAWrite() {
    STUB.addProject("team-t");
    RobotCredentials created = client.createPullRobot("team-t", "team-t-app", "x");
    long writes = STUB.writes();
    assertThat(client.robotSecretWorks(created.name(), Secret.of(created.secret()), "team-t")).isTrue();
    assertThat(client.robotSecretWorks(created.name(), Secret.of("Wrong-secret-1"), "team-t")).isFalse();
    assertThat(client.robotSecretWorks("robot$team-t+nobody", Secret.of(created.secret()), "team-t")).isFalse();
    assertThat(STUB.writes()).isEqualTo(writes);
    assertThat(STUB.calls()).anyMatch(c -> c.method().equals("GET") && c.path().equals("/service/token"));
  }

  @Test
  void generatedSecretsMeetHarborsRule() {
    for (int i = 0; i < 1000; i++) {
      String s = RobotSecrets.generate().reveal();
      assertThat(RobotSecrets.acceptable(s)).as(s.length() + " chars").isTrue();
    }
    assertThat(RobotSecrets.acceptable("Abcdefg1")).isTrue();
    assertThat(RobotSecrets.acceptable("Abcdef1")).isFalse();
    assertThat(RobotSecrets.acceptable("abcdefg1")).isFalse();
    assertThat(RobotSecrets.acceptable("A".repeat(127) + "a1")).isFalse();
  }

  @Test
  void robotNameOutsideHarborsRuleIsRejected() {
    STUB.addProject("team-n");
    assertThatThrownBy(() -> client.createPullRobot("team-n", "team-n.my--app", "x"))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void robotInUnknownProjectIsRejected() {
    assertThatThrownBy(() -> client.createPullRobot("no-such-team", "x", "x"))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void wrongPasswordIsUnauthorized() {
    HarborClient wrong = new HarborClient(STUB.uri(), "admin", () -> "nope");
    assertThatThrownBy(() -> wrong.projectId("team-c"))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(401));
  }
}
