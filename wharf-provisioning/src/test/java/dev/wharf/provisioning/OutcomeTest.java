package dev.wharf.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.core.Secret;
import org.junit.jupiter.api.Test;

class OutcomeTest {

  @Test
  void toStringNeverShowsTheSecret() {
    var secret = Secret.of("hunter2-very-secret");
    assertThat(Outcome.of(Change.CREATED, secret).toString()).doesNotContain("hunter2");
  }

  @Test
  void outcomeReportsWhetherItWrote() {
    assertThat(Outcome.of(Change.UNCHANGED).changed()).isFalse();
    assertThat(Outcome.of(Change.ABSENT).changed()).isFalse();
    assertThat(Outcome.of(Change.UPDATED).changed()).isTrue();
    assertThat(Outcome.of(Change.UNCHANGED).secret()).isEmpty();
  }
}
