package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.AppStatus;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.core.PlatformKeys;
import dev.wharf.core.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events only where the App's state changed: created, rotated, refused, stalled, recovered. */
class AppEventsTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static AppStatus ready(boolean provisioned) {
    AppStatus s = new AppStatus();
    s.setCondition(AppStatus.READY, true, "Ready", "all enabled capabilities are ready", 1L, T0);
    if (provisioned) {
      s.setProvisioned(new ProvisionedNames());
    }
    return s;
  }

  static AppStatus failing(String reason, boolean stalled, boolean provisioned) {
    AppStatus s = new AppStatus();
    s.setCondition(AppStatus.READY, false, reason, "MySqlReady: down", 1L, T0);
    s.setCondition(stalled ? AppStatus.STALLED : AppStatus.RECONCILING, true, reason, "MySqlReady: down", 1L, T0);
    if (provisioned) {
      s.setProvisioned(new ProvisionedNames());
    }
    return s;
  }

  @Test
  void firstReadyIsCreatedAndReadyAfterAFailureIsRecovered() {
    assertThat(AppEvents.transitions(null, ready(true), false))
        .containsExactly(new AppEvents.Note("Normal", "Created", "all enabled capabilities are ready"));
    assertThat(AppEvents.transitions(failing("ServerUnavailable", false, false), ready(true), false))
        .as("ready for the first time after a slow start").extracting(AppEvents.Note::reason).containsExactly("Created");
    assertThat(AppEvents.transitions(failing("ServerUnavailable", true, true), ready(true), false))
        .containsExactly(new AppEvents.Note("Normal", "Recovered", "ready again after ServerUnavailable"));
  }

  @Test
  void aResyncThatChangesNothingHasNoEvent() {
    assertThat(AppEvents.transitions(ready(true), ready(true), false)).isEmpty();
    assertThat(AppEvents.transitions(failing("InvalidSpec", true, false), failing("InvalidSpec", true, false), true))
        .as("still refused for the same reason").isEmpty();
    assertThat(AppEvents.transitions(failing("ServerUnavailable", false, true), failing("ServerUnavailable", false, true),
        false)).as("still retried").isEmpty();
  }

  @Test
  void aRefusalAndAStallAreWarnings() {
    assertThat(AppEvents.transitions(null, failing("InvalidSpec", true, false), true))
        .containsExactly(new AppEvents.Note("Warning", "Refused", "MySqlReady: down"));
    assertThat(AppEvents.transitions(failing("ServerUnavailable", false, true), failing("ServerUnavailable", true, true),
        false)).containsExactly(new AppEvents.Note("Warning", "Stalled", "MySqlReady: down"));
  }

  @Test
  void aRotationDoneIsRotated() {
    AppStatus before = ready(true);
    before.setRotation("2026-01-01");
    AppStatus after = ready(true);
    after.setRotation("2026-02-01");
    assertThat(AppEvents.transitions(before, after, false))
        .containsExactly(new AppEvents.Note("Normal", "Rotated", "every credential renewed for rotation \"2026-02-01\""));
  }

  @Test
  void aCredentialRenewedBecauseTheStoredOneFailedIsRenewedWithoutItsValue() {
    Grant robot = new Grant.Registry("team-a", 7, "robot$team-a+team-a.shop", Secret.of("new-robot-secret"), true);
    assertThat(robot.renewed(Map.of(PlatformKeys.REGISTRY_PASSWORD, "old-robot-secret"))).isTrue();
    assertThat(robot.renewed(Map.of(PlatformKeys.REGISTRY_PASSWORD, "new-robot-secret"))).as("kept").isFalse();
    assertThat(robot.renewed(Map.of())).as("first made, nothing renewed").isFalse();
    assertThat(AppEvents.renewals(List.of("RegistryReady"))).singleElement().satisfies(n -> {
      assertThat(n.reason()).isEqualTo("Renewed");
      assertThat(n.note()).startsWith("RegistryReady: ").doesNotContain("secret-");
    });
  }
}
