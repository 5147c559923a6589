package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ExecCredentialTest {

  @Test
  void rendersAV1ExecCredentialWithTokenAndExpiry() throws Exception {
    Session s = new Session("https://kc/realms/wharf", "kubernetes", "alice",
        "aaa.bbb.ccc", 1_700_000_000L, 1_700_000_300L, "r", 0);
    JsonNode json = new ObjectMapper().readTree(ExecCredential.json(s));
    assertThat(json.get("kind").asText()).isEqualTo("ExecCredential");
    assertThat(json.get("apiVersion").asText()).isEqualTo("client.authentication.k8s.io/v1");
    assertThat(json.at("/status/token").asText()).isEqualTo("aaa.bbb.ccc");
    assertThat(json.at("/status/expirationTimestamp").asText())
        .isEqualTo("2023-11-14T22:18:20Z");
  }

  @Test
  void timestampsMatchJavaTimeAcrossCenturiesAndLeapDays() {
    java.util.Random random = new java.util.Random(42);
    long[] fixed = {0, 951_782_400L, 951_868_799L, 4_107_542_400L, 253_402_300_799L,
        1_709_164_800L, 1_709_251_199L};
    for (long t : fixed) {
      assertThat(ExecCredential.utc(t)).isEqualTo(java.time.Instant.ofEpochSecond(t).toString());
    }
    for (int i = 0; i < 10_000; i++) {
      long t = Math.floorMod(random.nextLong(), 253_402_300_800L);
      assertThat(ExecCredential.utc(t)).isEqualTo(java.time.Instant.ofEpochSecond(t).toString());
    }
  }

  @Test
  void escapesCharactersThatWouldBreakTheJson() throws Exception {
    Session s = new Session("i", "c", "u", "a\"b\\c\nd", 0, 1, null, 0);
    JsonNode json = new ObjectMapper().readTree(ExecCredential.json(s));
    assertThat(json.at("/status/token").asText()).isEqualTo("a\"b\\c\nd");
  }
}
