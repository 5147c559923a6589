package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTest {

  private static Session session(long iat, long exp, String refresh, long refreshExp) {
    return new Session("https://kc.example.com/realms/wharf", "kubernetes", "alice",
        "id.token.value", iat, exp, refresh, refreshExp);
  }

  @Test
  void freshUntilThirtySecondsBeforeExpiryForLongTokens() {
    Session s = session(1000, 1300, "r", 0);
    assertThat(s.idTokenFreshAt(Instant.ofEpochSecond(1269))).isTrue();
    assertThat(s.idTokenFreshAt(Instant.ofEpochSecond(1270))).isFalse();
  }

  @Test
  void shortTokensUseAQuarterOfTheirLifetimeAsMargin() {
    Session s = session(1000, 1008, "r", 0);
    assertThat(s.idTokenFreshAt(Instant.ofEpochSecond(1005))).isTrue();
    assertThat(s.idTokenFreshAt(Instant.ofEpochSecond(1006))).isFalse();
  }

  @Test
  void refreshTokenUsableUntilItsExpiryOrForeverWhenUnknown() {
    assertThat(session(0, 1, "r", 2000).refreshUsableAt(Instant.ofEpochSecond(1999))).isTrue();
    assertThat(session(0, 1, "r", 2000).refreshUsableAt(Instant.ofEpochSecond(2000))).isFalse();
    assertThat(session(0, 1, "r", 0).refreshUsableAt(Instant.ofEpochSecond(99999))).isTrue();
    assertThat(session(0, 1, null, 0).refreshUsableAt(Instant.ofEpochSecond(0))).isFalse();
  }

  @Test
  void toStringHidesTokens() {
    assertThat(session(0, 1, "refresh-secret", 0).toString())
        .doesNotContain("id.token.value").doesNotContain("refresh-secret").contains("alice");
  }
}
