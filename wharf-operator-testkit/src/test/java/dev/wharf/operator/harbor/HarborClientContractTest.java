package dev.wharf.operator.harbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.operator.http.ExternalServiceException;
import dev.wharf.operator.stub.HarborStub;
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

    assertThat(client.projectRobots(projectId)).containsExactly(new Robot(created.id(), created.name(), "pull for team-r/app"));

    client.deleteRobot(created.id());
    assertThat(client.projectRobots(projectId)).isEmpty();
  }

  @Test
  void robotNameOutsideHarborsRuleIsRejected() {
    STUB.addProject("team-n");
    assertThatThrownBy(() -> client.createPullRobot("team-n", "team-n.my--app", "x"))
        .isInstanceOfSatisfying(ExternalServiceException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void robotInUnknownProjectIsRejected() {
    assertThatThrownBy(() -> client.createPullRobot("no-such-team", "x", "x"))
        .isInstanceOfSatisfying(ExternalServiceException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void wrongPasswordIsUnauthorized() {
    HarborClient wrong = new HarborClient(STUB.uri(), "admin", () -> "nope");
    assertThatThrownBy(() -> wrong.projectId("team-c"))
        .isInstanceOfSatisfying(ExternalServiceException.class, e -> assertThat(e.status()).isEqualTo(401));
  }
}
