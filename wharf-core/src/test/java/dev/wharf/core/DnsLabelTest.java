package dev.wharf.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsLabelTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "greeter", "team-a", "a1", "1a", "a--b"})
  void acceptsLabels(String label) {
    assertThat(DnsLabel.require("app name", label)).isEqualTo(label);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Greeter", "-a", "a-", "a_b", "a.b", "a b", "a'; DROP DATABASE x; --",
      "a\nb", "ä", "a*"})
  void rejectsNonLabels(String bad) {
    assertThatThrownBy(() -> DnsLabel.require("app name", bad))
        .isInstanceOf(InvalidNameException.class)
        .hasMessageStartingWith("invalid app name")
        .hasMessageContaining("lowercase letters, digits and '-'");
  }

  @org.junit.jupiter.api.Test
  void rejectsTooLongAndMissingNames() {
    assertThat(DnsLabel.require("namespace", "a".repeat(63))).hasSize(63);
    assertThatThrownBy(() -> DnsLabel.require("namespace", "a".repeat(64)))
        .hasMessageContaining("at most 63");
    assertThatThrownBy(() -> DnsLabel.require("team name", ""))
        .hasMessageContaining("team name is missing");
    assertThatThrownBy(() -> TeamName.of(null)).isInstanceOf(InvalidNameException.class);
  }

  @org.junit.jupiter.api.Test
  void errorShowsControlCharactersEscapedAndCapsLength() {
    assertThatThrownBy(() -> DnsLabel.require("app name", "a\u0000b"))
        .hasMessageContaining("a\\u0000b");
    assertThatThrownBy(() -> DnsLabel.require("app name", "X".repeat(500)))
        .hasMessageContaining("X".repeat(80) + "...\"")
        .hasMessageNotContaining("X".repeat(81));
  }
}
