package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.RegistrySpec;
import dev.wharf.core.AppRef;
import dev.wharf.core.Names;
import dev.wharf.core.Secret;
import dev.wharf.operator.harbor.HarborClient;
import dev.wharf.operator.harbor.Robot;
import dev.wharf.operator.harbor.RobotSecrets;
import dev.wharf.operator.openbao.KvSecret;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which secret the pull robot gets, decided from what OpenBao and Harbor hold; Harbor is a recording fake. */
class RegistryStepTest {
  static final AppRef REF = AppRef.of("team-a", "greeter");
  static final Robot ROBOT = new Robot(42, "robot$team-a+" + Names.harborRobot(REF), Names.harborRobotDescription(REF),
      "team-a");

  static class FakeHarbor extends HarborClient {
    final List<String> calls = new ArrayList<>();
    Optional<Robot> robot = Optional.of(ROBOT);
    String workingSecret;

    FakeHarbor() {
      super(URI.create("http://127.0.0.1:1"), "admin", () -> "unused");
    }

    @Override public Optional<Robot> robot(long id) { calls.add("GET robot " + id); return robot.filter(r -> r.id() == id); }
    @Override public boolean robotSecretWorks(String name, Secret secret, String project) {
      calls.add("token " + name);
      return secret.reveal().equals(workingSecret);
    }
    @Override public void refreshSecret(long id, Secret secret) { calls.add("PATCH robot " + id); workingSecret = secret.reveal(); }
    @Override public Optional<Long> projectId(String project) { calls.add("GET project " + project); return Optional.of(7L); }
  }

  static AppRun run(String storedSecret, String rotation) {
    AppSpec spec = new AppSpec("team-a");
    spec.setRegistry(new RegistrySpec(true));
    App app = new App(REF.namespace(), REF.name(), spec);
    if (rotation != null) {
      app.getMetadata().setAnnotations(Map.of(App.ROTATE_ANNOTATION, rotation));
    }
    Map<String, String> entry = new HashMap<>(Map.of("REGISTRY_USERNAME", ROBOT.name(), "REGISTRY_ROBOT_ID", "42",
        "REGISTRY_PROJECT", "team-a"));
    if (storedSecret != null) {
      entry.put("REGISTRY_PASSWORD", storedSecret);
    }
    return new AppRun(app, REF, Optional.of(new KvSecret(entry, 3)));
  }

  @Test
  void aStoredSecretThatWorksIsKeptWithTwoReadsAndNoWrite() {
    FakeHarbor harbor = new FakeHarbor();
    harbor.workingSecret = "harbormade0lowercase0secret00000"; // Harbor's own may lack a kind of character
    Grant.Registry grant = (Grant.Registry) new RegistryStep(harbor).ensure(run(harbor.workingSecret, null));
    assertThat(grant.setSecret()).isFalse();
    assertThat(grant.robotId()).isEqualTo(42);
    assertThat(grant.robotSecret().reveal()).isEqualTo(harbor.workingSecret);
    assertThat(harbor.calls).containsExactly("GET robot 42", "token " + ROBOT.name());
  }

  @Test
  void aStoredSecretTheRobotLostIsSetAgainAfterTheStore() {
    FakeHarbor harbor = new FakeHarbor();
    harbor.workingSecret = "Changed-in-the-UI-1";
    String stored = RobotSecrets.generate().reveal();
    RegistryStep step = new RegistryStep(harbor);
    AppRun run = run(stored, null);
    Grant.Registry grant = (Grant.Registry) step.ensure(run);
    assertThat(grant.setSecret()).isTrue();
    assertThat(grant.robotSecret().reveal()).as("the stored secret is the truth").isEqualTo(stored);
    assertThat(harbor.calls).doesNotContain("PATCH robot 42");
    step.afterStore(run, grant);
    assertThat(harbor.calls).endsWith("PATCH robot 42");
    assertThat(harbor.workingSecret).isEqualTo(stored);
  }

  @Test
  void aRotationOrAnUnacceptableStoredSecretGetsANewOneHarborAccepts() {
    FakeHarbor harbor = new FakeHarbor();
    String stored = RobotSecrets.generate().reveal();
    harbor.workingSecret = stored;
    Grant.Registry rotated = (Grant.Registry) new RegistryStep(harbor).ensure(run(stored, "2026-01-01"));
    assertThat(rotated.setSecret()).isTrue();
    assertThat(rotated.robotSecret().reveal()).isNotEqualTo(stored).satisfies(s -> assertThat(RobotSecrets.acceptable(s)).isTrue());
    assertThat(rotated.robotId()).isEqualTo(42);

    harbor.workingSecret = "something-else-1A";
    Grant.Registry renewed = (Grant.Registry) new RegistryStep(harbor).ensure(run("harbormade0lowercase", null));
    assertThat(renewed.setSecret()).isTrue();
    assertThat(RobotSecrets.acceptable(renewed.robotSecret().reveal())).isTrue();
  }

  @Test
  void aStoredRobotThatIsNotOursIsNeitherKeptNorChanged() {
    FakeHarbor harbor = new FakeHarbor() {
      @Override public dev.wharf.operator.harbor.RobotCredentials createPullRobot(String project, String name, String description) {
        calls.add("POST robot " + name);
        return new dev.wharf.operator.harbor.RobotCredentials(43, "robot$team-a+" + name, "Fresh0secret0Harbor0made0000000");
      }
    };
    harbor.robot = Optional.of(new Robot(42, ROBOT.name(), "made by hand", "team-a"));
    Grant.Registry grant = (Grant.Registry) new RegistryStep(harbor).ensure(run(RobotSecrets.generate().reveal(), null));
    assertThat(grant.robotId()).isEqualTo(43);
    assertThat(harbor.calls).noneMatch(c -> c.startsWith("PATCH")).anyMatch(c -> c.startsWith("POST robot"));
  }
}
