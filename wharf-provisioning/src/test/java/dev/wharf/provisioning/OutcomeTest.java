package dev.wharf.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.core.Secret;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void toStringNeverShowsTheValue() {
    var secret = Secret.of("hunter2-very-secret");
    assertThat(secret.toString()).doesNotContain("hunter2");
    assertThat(Outcome.of(Change.CREATED, secret).toString()).doesNotContain("hunter2");
    assertThat(String.valueOf(java.util.Optional.of(secret))).doesNotContain("hunter2");
  }

  @Test
  void generatedSecretsAreLongAlphanumericAndDistinct() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 1000; i++) {
      String value = Secret.generate().reveal();
      assertThat(value).hasSize(32).matches("[A-Za-z0-9]+");
      seen.add(value);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void equalityComparesValues() {
    assertThat(Secret.of("abc")).isEqualTo(Secret.of("abc")).isNotEqualTo(Secret.of("abd"));
  }

  @Test
  void outcomeReportsWhetherItWrote() {
    assertThat(Outcome.of(Change.UNCHANGED).changed()).isFalse();
    assertThat(Outcome.of(Change.ABSENT).changed()).isFalse();
    assertThat(Outcome.of(Change.UPDATED).changed()).isTrue();
    assertThat(Outcome.of(Change.UNCHANGED).secret()).isEmpty();
  }
}
