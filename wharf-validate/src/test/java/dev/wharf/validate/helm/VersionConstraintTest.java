package dev.wharf.validate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Constraints behave as Masterminds/semver v3 (which Flux uses) documents them. */
class VersionConstraintTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // exact versions, with or without v, and loose ones
        Arguments.of("v4.11.0", "4.11.0", true),
        Arguments.of("4.11.0", "v4.11.0", true),
        Arguments.of("4.11.0", "4.11.1", false),
        Arguments.of("= 2.0", "2.0.0", true),
        Arguments.of("= 2.0", "1.2.3", false),
        Arguments.of("4.1", "4.1.0", true),
        Arguments.of("*", "1.2.3", true),
        Arguments.of("*", "1.2.3-beta.1", false),
        // wildcards
        Arguments.of("4.1.x", "4.1.3", true),
        Arguments.of("1.x", "1.4.0", true),
        Arguments.of("0.x.x", "1.2.3", false),
        Arguments.of("!=4.x", "4.1.0", false),
        Arguments.of("!=4.1.x", "4.2.0", true),
        // comparisons
        Arguments.of(">1.1", "1.1.0", false),
        Arguments.of(">1.1", "4.1.0", true),
        Arguments.of("<1.x", "1.1.1", false),
        Arguments.of("<1.1.x", "1.0.500", true),
        Arguments.of(">=1.1", "4.1.0-beta", false),
        Arguments.of("<=1.1", "1.1.1", true),
        Arguments.of("<=1.1.x", "1.2.500", false),
        Arguments.of("<=1.1-a", "0.1.0-alpha", true),
        // and (comma or space), or
        Arguments.of(">1.1, <2", "1.2.1", true),
        Arguments.of(">=1.1 <2 !=1.2.3", "1.2.3", false),
        Arguments.of(">=1.1, <2, !=1.2.3 || > 3", "4.1.2", true),
        Arguments.of(">=1.1, <2, !=1.2.3 || > 3", "3.0.0", false),
        Arguments.of(">= 1.0.0  <= 2.0.0-beta", "1.0.1-beta", true),
        Arguments.of(">= 1.0.0  <= 2.0.0-beta || > 3", "3.0.1-beta", false),
        // hyphen ranges
        Arguments.of("1.1 - 2", "1.1.1", true),
        Arguments.of("1.5.0 - 4.5", "3.7.0", true),
        Arguments.of("1.0.0 - 2.0.0, <=2.0.0", "1.5.0", true),
        // caret and tilde
        Arguments.of("^1.1", "1.1.1", true),
        Arguments.of("^1.1", "4.3.2", false),
        Arguments.of("^1.x", "1.1.1-beta1", false),
        Arguments.of("^1.1.2-alpha", "1.2.1-beta1", true),
        Arguments.of("^0.0.1", "0.3.1", false),
        Arguments.of("^0.2.3", "0.2.9", true),
        Arguments.of("^0.2.3", "0.3.0", false),
        Arguments.of("~1", "1.3.5", true),
        Arguments.of("~1", "2.1.1", false),
        Arguments.of("~1.1", "1.2.3", false),
        Arguments.of("~1.1-alpha", "1.1.1-beta", true),
        Arguments.of("~1.2.3", "1.2.2", false),
        Arguments.of("~>1.2.3", "1.2.5", true));
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @MethodSource("cases")
  void matchesAsMastermindsSemverDoes(String constraint, String version, boolean expected) {
    VersionConstraint c = VersionConstraint.parse(constraint).orElseThrow();
    assertThat(c.matches(VersionConstraint.loose(version).orElseThrow())).isEqualTo(expected);
  }

  @Test
  void nonsenseIsNotAConstraint() {
    assertThat(VersionConstraint.parse("latest")).isEmpty();
    assertThat(VersionConstraint.parse("")).isEmpty();
    assertThat(VersionConstraint.parse(">=1.0 <")).isEmpty();
  }

  @Test
  void fluxPicksAnExactStringFirstThenTheNewestMatchingStableVersion() {
    List<String> available = List.of("4.10.0", "4.11.0", "4.11.1-rc.1", "v4.12.0", "5.0.0", "not-a-version");
    assertThat(Versions.pick(available, "v4.11.0")).contains("4.11.0");
    assertThat(Versions.pick(available, "v4.12.0")).contains("v4.12.0");
    assertThat(Versions.pick(available, "4.x")).contains("v4.12.0");
    assertThat(Versions.pick(available, "~4.11")).contains("4.11.0");
    assertThat(Versions.pick(available, ">=4.11.1-0 <4.12.0")).contains("4.11.1-rc.1");
    assertThat(Versions.pick(available, "*")).contains("5.0.0");
    assertThat(Versions.pick(available, "")).contains("5.0.0");
    assertThat(Versions.pick(available, "2.2.5")).isEmpty();
    assertThat(Versions.pick(available, "not-a-version")).contains("not-a-version");
  }

  @Test
  void chartVersionsNeedThreePartsAndOrderPreReleasesFirst() {
    assertThat(ChartVersion.parse("1.2")).isEmpty();
    assertThat(ChartVersion.parse("v1.2.3+build.1")).isPresent();
    assertThat(ChartVersion.parse("1.2.3-rc.2").orElseThrow()).isLessThan(ChartVersion.parse("1.2.3-rc.10").orElseThrow());
    assertThat(ChartVersion.parse("1.2.3-rc.10").orElseThrow()).isLessThan(ChartVersion.parse("1.2.3").orElseThrow());
    assertThat(ChartVersion.parse("1.2.3-alpha").orElseThrow()).isLessThan(ChartVersion.parse("1.2.3-alpha.1").orElseThrow());
  }
}
