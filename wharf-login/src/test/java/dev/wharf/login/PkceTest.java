package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void challengeMatchesRfc7636AppendixB() {
    assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void generatedVerifiersAreLongUrlSafeAndDistinct() {
    Pkce a = Pkce.generate();
    Pkce b = Pkce.generate();
    assertThat(a.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(a.verifier()).isNotEqualTo(b.verifier());
    assertThat(a.challenge()).isEqualTo(Pkce.challengeOf(a.verifier()));
    assertThat(a.toString()).doesNotContain(a.verifier());
  }
}
