package dev.wharf.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyPrefixTest {

  @ParameterizedTest
  @ValueSource(strings = {"greeter:", "team-a:greeter:", "Cache.v2/", "ab:"})
  void acceptsPlainPrefixes(String value) {
    assertThat(KeyPrefix.of(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "greeter*", "gr?eter:", "g[ab]:", "a b", "a\tb", "a\\b", ":a",
      "~a", "&a", "greeter:\u0007", "", "a", "g:"})
  void rejectsGlobSpaceAndControlCharacters(String value) {
    assertThatThrownBy(() -> KeyPrefix.of(value)).isInstanceOf(InvalidNameException.class)
        .hasMessageContaining("Redis key prefix");
  }

  @Test
  void overlapMeansOneIsAPrefixOfTheOther() {
    assertThat(KeyPrefix.of("greeter:").overlaps(KeyPrefix.of("greeter:cache:"))).isTrue();
    assertThat(KeyPrefix.of("greeter:cache:").overlaps(KeyPrefix.of("greeter:"))).isTrue();
    assertThat(KeyPrefix.of("greeter:").overlaps(KeyPrefix.of("greeter2:"))).isFalse();
  }
}
