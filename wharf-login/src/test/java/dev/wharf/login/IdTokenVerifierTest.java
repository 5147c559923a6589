package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signs tokens with a key made here and checks every rule the verifier enforces. */
class IdTokenVerifierTest {

  private static final String ISSUER = "https://kc.example.com/realms/wharf";
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static RSAKey key;
  private static RSAKey otherKey;

  @BeforeAll
  static void keys() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
  }

  private static IdTokenVerifier verifier() {
    return new IdTokenVerifier(new JWKSet(key.toPublicJWK()).toString(), ISSUER, "kubernetes",
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static String token(RSAKey signWith, UnaryOperator<JWTClaimsSet.Builder> change)
      throws Exception {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER).audience("kubernetes").subject("u-1")
        .claim("preferred_username", "alice").claim("groups", List.of("team-a", "/platform-admins"))
        .claim("nonce", "n-1").claim("azp", "kubernetes")
        .issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(290)));
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
        change.apply(claims).build());
    jwt.sign(new RSASSASigner(signWith));
    return jwt.serialize();
  }

  @Test
  void acceptsAGoodTokenAndReadsUsernameAndGroups() throws Exception {
    IdTokenClaims claims = verifier().verify(token(key, b -> b), "n-1");
    assertThat(claims.username()).isEqualTo("alice");
    assertThat(claims.groups()).containsExactly("team-a", "platform-admins");
    assertThat(claims.expiresAt()).isEqualTo(NOW.plusSeconds(290).getEpochSecond());
    assertThat(claims.issuedAt()).isEqualTo(NOW.minusSeconds(10).getEpochSecond());
  }

  @Test
  void rejectsAWrongSignature() throws Exception {
    String forged = token(otherKey, b -> b);
    assertThatThrownBy(() -> verifier().verify(forged, "n-1"))
        .isInstanceOf(LoginException.class).hasMessageContaining("failed verification");
  }

  @Test
  void rejectsWrongIssuerAudienceExpiryAndNonce() throws Exception {
    String otherIssuer = token(key, b -> b.issuer("https://evil.example.com/realms/wharf"));
    String otherAudience = token(key, b -> b.audience("grafana"));
    String expired = token(key, b -> b.expirationTime(Date.from(NOW.minusSeconds(61))));
    String otherAzp = token(key, b -> b.audience(List.of("kubernetes", "grafana")).claim("azp", "grafana"));
    assertThatThrownBy(() -> verifier().verify(otherIssuer, "n-1")).hasMessageContaining("issued by");
    assertThatThrownBy(() -> verifier().verify(otherAudience, "n-1")).hasMessageContaining("audience");
    assertThatThrownBy(() -> verifier().verify(expired, "n-1")).hasMessageContaining("expired");
    assertThatThrownBy(() -> verifier().verify(otherAzp, "n-1")).hasMessageContaining("azp");
    assertThatThrownBy(() -> verifier().verify(token(key, b -> b), "n-2"))
        .hasMessageContaining("nonce");
  }

  @Test
  void nonceIsNotCheckedWhenTheFlowSentNone() throws Exception {
    assertThat(verifier().verify(token(key, b -> b.claim("nonce", null)), null).subject())
        .isEqualTo("u-1");
  }

  @Test
  void unreadableKeySetIsAProtocolError() {
    assertThatThrownBy(() -> new IdTokenVerifier("not json", ISSUER, "kubernetes", Clock.systemUTC()))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.PROTOCOL));
  }
}
