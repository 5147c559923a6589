package dev.wharf.login;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies an ID token (OIDC Core 3.1.3.7): signature against the realm's JWKS, issuer,
 * audience, authorized party, expiry and, when one was sent, the nonce.
 */
public final class IdTokenVerifier {

  private static final long CLOCK_SKEW_SECONDS = 60;
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
      JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
      JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  private final JWKSet keys;
  private final String issuer;
  private final String clientId;
  private final Clock clock;

  public IdTokenVerifier(String jwksJson, String issuer, String clientId, Clock clock) {
    try {
      this.keys = JWKSet.parse(jwksJson);
    } catch (ParseException e) {
      throw new LoginException(LoginException.Reason.PROTOCOL,
          "the issuer's key set (JWKS) cannot be read: " + e.getMessage(), e);
    }
    this.issuer = issuer;
    this.clientId = clientId;
    this.clock = clock;
  }

  /**
   * @param expectedNonce the nonce sent with the authorization request, or null when the flow
   *     has none (device flow, refresh)
   */
  public IdTokenClaims verify(String idToken, String expectedNonce) {
    JWTClaimsSet claims = verifySignature(idToken);
    check(issuer.equals(claims.getIssuer()), "it was issued by '" + claims.getIssuer()
        + "', not '" + issuer + "'");
    List<String> aud = claims.getAudience();
    check(aud != null && aud.contains(clientId), "its audience " + aud + " does not include '"
        + clientId + "'");
    String azp = stringClaim(claims, "azp");
    check(aud.size() == 1 || clientId.equals(azp), "it has several audiences and azp '" + azp
        + "' is not '" + clientId + "'");
    Date exp = claims.getExpirationTime();
    check(exp != null, "it has no expiry");
    long now = clock.instant().getEpochSecond();
    check(exp.toInstant().getEpochSecond() + CLOCK_SKEW_SECONDS > now, "it has expired (is this"
        + " machine's clock right?)");
    if (expectedNonce != null) {
      check(expectedNonce.equals(stringClaim(claims, "nonce")), "its nonce does not match the"
          + " one this sign-in sent");
    }
    Date iat = claims.getIssueTime();
    return new IdTokenClaims(
        claims.getSubject(),
        Objects.requireNonNullElse(stringClaim(claims, "preferred_username"), claims.getSubject()),
        groups(claims),
        iat == null ? now : iat.toInstant().getEpochSecond(),
        exp.toInstant().getEpochSecond());
  }

  private JWTClaimsSet verifySignature(String idToken) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(keys)));
    // Claims are checked below with messages of our own.
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    try {
      return processor.process(idToken, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new LoginException(LoginException.Reason.PROTOCOL,
          "the ID token from " + issuer + " failed verification (" + e.getMessage()
              + "). Sign in again; if it persists, the issuer's keys may have changed.", e);
    }
  }

  private static List<String> groups(JWTClaimsSet claims) {
    Object raw = claims.getClaim("groups");
    List<String> groups = new ArrayList<>();
    if (raw instanceof List<?> list) {
      for (Object g : list) {
        String name = String.valueOf(g);
        groups.add(name.startsWith("/") ? name.substring(1) : name);
      }
    }
    return List.copyOf(groups);
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object v = claims.getClaim(name);
    return v == null ? null : v.toString();
  }

  private void check(boolean ok, String why) {
    if (!ok) {
      throw new LoginException(LoginException.Reason.PROTOCOL,
          "the ID token from " + issuer + " is not valid: " + why + ".");
    }
  }
}
