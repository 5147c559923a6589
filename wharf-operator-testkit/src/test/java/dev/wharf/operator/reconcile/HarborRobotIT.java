package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.RegistrySpec;
import dev.wharf.core.AppRef;
import dev.wharf.core.Names;
import dev.wharf.operator.stub.HarborStub;
import dev.wharf.operator.stub.StubServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pull robot's secret is set in place (PATCH /robots/{id}), stored in OpenBao first: the
 * robot and its id stay through rotation and repair, a robot of ours that exists already is
 * taken over, and a resync reads the robot by id and checks its secret with two requests.
 */
class HarborRobotIT extends WithOperator {
  static AppSpec registry() {
    AppSpec spec = new AppSpec("team-a");
    spec.setRegistry(new RegistrySpec(true));
    return spec;
  }

  static List<StubServer.Call> robotWrites(List<StubServer.Call> calls) {
    return calls.stream().filter(c -> c.path().startsWith("/api/v2.0/robots") && !c.method().equals("GET")).toList();
  }

  @Test
  void rotationSetsANewSecretOnTheSameRobot() {
    apps.create("team-a", "spinner", registry());
    apps.awaitReady("team-a", "spinner");
    Map<String, String> before = apps.kv("team-a", "spinner");
    int callsBefore = h.harbor.calls().size();

    h.patch("team-a", "spinner", "{\"metadata\":{\"annotations\":{\"" + App.ROTATE_ANNOTATION + "\":\"r1\"}}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> "r1".equals(h.app("team-a", "spinner").getStatus().getRotation()));

    Map<String, String> after = apps.kv("team-a", "spinner");
    assertThat(after.get("REGISTRY_ROBOT_ID")).isEqualTo(before.get("REGISTRY_ROBOT_ID"));
    assertThat(after.get("REGISTRY_USERNAME")).isEqualTo(before.get("REGISTRY_USERNAME"));
    assertThat(after.get("REGISTRY_PASSWORD")).isNotEqualTo(before.get("REGISTRY_PASSWORD"));
    assertThat(h.harbor.robotLoginWorks(after.get("REGISTRY_USERNAME"), after.get("REGISTRY_PASSWORD"))).isTrue();
    assertThat(h.harbor.robotLoginWorks(before.get("REGISTRY_USERNAME"), before.get("REGISTRY_PASSWORD"))).isFalse();
    List<StubServer.Call> calls = h.harbor.calls();
    assertThat(robotWrites(calls.subList(callsBefore, calls.size()))).as("no robot deleted or created")
        .extracting(StubServer.Call::method).containsOnly("PATCH");
  }

  @Test
  void aSecretChangedInHarborIsSetBackToTheStoredOne() {
    apps.create("team-a", "drifter", registry());
    apps.awaitReady("team-a", "drifter");
    // After a rotation the stored secret is one Wharf chose (Harbor's own may miss a kind of
    // character its rule asks for, and is then replaced rather than set again).
    h.patch("team-a", "drifter", "{\"metadata\":{\"annotations\":{\"" + App.ROTATE_ANNOTATION + "\":\"r1\"}}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> "r1".equals(h.app("team-a", "drifter").getStatus().getRotation()));
    Map<String, String> stored = apps.kv("team-a", "drifter");
    long id = Long.parseLong(stored.get("REGISTRY_ROBOT_ID"));
    int versions = h.openBao.kvVersions("apps/team-a/drifter");

    // As someone refreshing it in Harbor's UI, or a crash after the store and before the PATCH.
    h.harbor.refreshSecretBehindTheBack(id);
    assertThat(h.harbor.robotLoginWorks(stored.get("REGISTRY_USERNAME"), stored.get("REGISTRY_PASSWORD"))).isFalse();
    apps.resync("team-a", "drifter");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> h.harbor.robotLoginWorks(stored.get("REGISTRY_USERNAME"), stored.get("REGISTRY_PASSWORD")));
    assertThat(apps.kv("team-a", "drifter")).isEqualTo(stored);
    assertThat(h.openBao.kvVersions("apps/team-a/drifter")).as("the stored secret is the truth: no new version")
        .isEqualTo(versions);
  }

  @Test
  void aNewSecretIsStoredBeforeItIsSetSoAFailedSetIsRepairedTowardsTheStoredOne() {
    apps.create("team-a", "halfway", registry());
    apps.awaitReady("team-a", "halfway");
    Map<String, String> before = apps.kv("team-a", "halfway");
    h.harbor.failSecretRefreshes(true);
    try {
      h.patch("team-a", "halfway", "{\"metadata\":{\"annotations\":{\"" + App.ROTATE_ANNOTATION + "\":\"r1\"}}}");
      App failed = apps.awaitCondition("team-a", "halfway", AppStatus.REGISTRY_READY, false);
      assertThat(failed.getStatus().condition(AppStatus.REGISTRY_READY).orElseThrow().getReason())
          .isEqualTo("ServerUnavailable");
      Map<String, String> stored = apps.kv("team-a", "halfway");
      assertThat(stored.get("REGISTRY_PASSWORD")).as("stored first").isNotEqualTo(before.get("REGISTRY_PASSWORD"));
      assertThat(h.harbor.robotLoginWorks(stored.get("REGISTRY_USERNAME"), stored.get("REGISTRY_PASSWORD"))).isFalse();
    } finally {
      h.harbor.failSecretRefreshes(false);
    }
    apps.awaitReady("team-a", "halfway");
    Map<String, String> after = apps.kv("team-a", "halfway");
    assertThat(h.harbor.robotLoginWorks(after.get("REGISTRY_USERNAME"), after.get("REGISTRY_PASSWORD"))).isTrue();
    assertThat(after.get("REGISTRY_ROBOT_ID")).isEqualTo(before.get("REGISTRY_ROBOT_ID"));
  }

  @Test
  void aRobotOfOursThatExistsAlreadyIsTakenOver() {
    // As if the operator had crashed after Harbor made the robot and before its id was stored.
    AppRef ref = AppRef.of("team-a", "orphan");
    h.harbor.addProject("team-a");
    long id = h.harbor.addRobot("team-a", Names.harborRobot(ref), Names.harborRobotDescription(ref));
    apps.create("team-a", "orphan", registry());
    apps.awaitReady("team-a", "orphan");
    Map<String, String> kv = apps.kv("team-a", "orphan");
    assertThat(kv.get("REGISTRY_ROBOT_ID")).isEqualTo(Long.toString(id));
    assertThat(h.harbor.robotLoginWorks(kv.get("REGISTRY_USERNAME"), kv.get("REGISTRY_PASSWORD"))).isTrue();
    assertThat(h.harbor.robots()).filteredOn(r -> r.name().equals(kv.get("REGISTRY_USERNAME")))
        .extracting(HarborStub.StoredRobot::id).containsExactly(id);
  }

  @Test
  void aForeignRobotOfTheAppsNameIsAConflictAndKeepsItsSecret() {
    h.harbor.addProject("team-a");
    long id = h.harbor.addRobot("team-a", "team-a.claimed", "CI pulls");
    String secret = h.harbor.robots().stream().filter(r -> r.id() == id).findFirst().orElseThrow().secret();
    apps.create("team-a", "claimed", registry());
    App app = apps.awaitCondition("team-a", "claimed", AppStatus.REGISTRY_READY, false);
    assertThat(app.getStatus().condition(AppStatus.REGISTRY_READY).orElseThrow().getReason()).isEqualTo("Conflict");
    assertThat(h.harbor.robotLoginWorks("robot$team-a+team-a.claimed", secret)).as("untouched").isTrue();
  }

  @Test
  void aResyncReadsTheRobotByIdAndChecksItsSecretWithTwoRequests() {
    apps.create("team-a", "quiet", registry());
    apps.awaitReady("team-a", "quiet");
    apps.resync("team-a", "quiet");
    h.awaitQuiet(Duration.ofSeconds(30));
    int before = h.harbor.calls().size();
    apps.resync("team-a", "quiet");
    h.awaitQuiet(Duration.ofSeconds(30));
    List<StubServer.Call> calls = h.harbor.calls().subList(before, h.harbor.calls().size());
    String id = apps.kv("team-a", "quiet").get("REGISTRY_ROBOT_ID");
    assertThat(calls).extracting(c -> c.method() + " " + c.path())
        .containsExactlyInAnyOrder("GET /api/v2.0/robots/" + id, "GET /service/token");
  }
}
