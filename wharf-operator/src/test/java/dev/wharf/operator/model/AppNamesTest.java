package dev.wharf.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.provisioning.AppRef;
import org.junit.jupiter.api.Test;

class AppNamesTest {
  static final String HARBOR_RULE = "^[a-z0-9]+(?:[._-][a-z0-9]+)*$";

  @Test
  void robotNameIsTheQualifiedNameWhenHarborAcceptsIt() {
    assertThat(AppNames.harborRobot(AppRef.of("team-a", "greeter"))).isEqualTo("team-a.greeter");
  }

  @Test
  void namesWithADoubleHyphenGetAStableHashedRobotName() {
    String robot = AppNames.harborRobot(AppRef.of("team-a", "my--app"));
    assertThat(robot).matches(HARBOR_RULE).startsWith("app-").doesNotContain(".");
    assertThat(AppNames.harborRobot(AppRef.of("team-a", "my--app"))).isEqualTo(robot);
    assertThat(AppNames.harborRobot(AppRef.of("team--a", "my-app"))).matches(HARBOR_RULE).isNotEqualTo(robot);
  }
}
