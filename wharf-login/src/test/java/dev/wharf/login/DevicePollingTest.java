package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DevicePollingTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static DevicePolling polling(Duration interval) {
    return new DevicePolling(new DeviceAuthorization("dc", "ABCD-EFGH",
        URI.create("https://kc/device"), null, START.plusSeconds(600), interval), "https://kc");
  }

  @Test
  void pendingKeepsTheIntervalAndSlowDownAddsFiveSeconds() {
    DevicePolling p = polling(Duration.ofSeconds(5));
    p.onError(new OAuthError(400, "authorization_pending", null), "kubernetes");
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(5));
    p.onError(new OAuthError(400, "slow_down", null), "kubernetes");
    p.onError(new OAuthError(400, "slow_down", null), "kubernetes");
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void missingIntervalMeansFiveSeconds() {
    assertThat(polling(Duration.ZERO).interval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void expiredTokenAndDeadlineEndTheFlowWithTimedOut() {
    assertThatThrownBy(() -> polling(Duration.ofSeconds(5))
        .onError(new OAuthError(400, "expired_token", null), "kubernetes"))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.TIMED_OUT))
        .hasMessageContaining("wharf login --device");
    DevicePolling p = polling(Duration.ofSeconds(5));
    p.checkDeadline(START.plusSeconds(599));
    assertThatThrownBy(() -> p.checkDeadline(START.plusSeconds(600)))
        .isInstanceOf(LoginException.class).hasMessageContaining("expired");
  }

  @Test
  void deniedAndBadClientAreTheirOwnErrors() {
    assertThatThrownBy(() -> polling(Duration.ofSeconds(5))
        .onError(new OAuthError(400, "access_denied", "denied"), "kubernetes"))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.ACCESS_DENIED));
    assertThatThrownBy(() -> polling(Duration.ofSeconds(5))
        .onError(new OAuthError(401, "invalid_client", "nope"), "kubrnetes"))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.BAD_CLIENT))
        .hasMessageContaining("'kubrnetes'").hasMessageContaining("--client-id");
  }
}
