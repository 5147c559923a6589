package dev.wharf.login;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;

/** Turns a token endpoint answer into a {@link Session}, verifying its ID token first. */
final class TokenResponses {

  private TokenResponses() {}

  /**
   * @param previous the session being refreshed, or null on sign-in; its refresh token is kept
   *     when the answer brings no new one
   */
  static Session toSession(JsonNode answer, ProviderMetadata provider, String clientId,
      IdTokenVerifier verifier, String nonce, Clock clock, Session previous) {
    String idToken = OidcHttp.text(answer, "id_token");
    if (idToken == null || idToken.isBlank()) {
      throw new LoginException(LoginException.Reason.PROTOCOL,
          provider.issuer() + " returned no ID token. Check that client '" + clientId
              + "' is an OpenID Connect client and that the scope 'openid' is allowed.");
    }
    IdTokenClaims claims = verifier.verify(idToken, nonce);
    if (previous != null && previous.username() != null && !previous.username().isEmpty()
        && !previous.username().equals(claims.username())) {
      throw new LoginException(LoginException.Reason.PROTOCOL,
          "the refreshed ID token is for '" + claims.username() + "', not '"
              + previous.username() + "'. Run 'wharf logout' and sign in again.");
    }
    String refresh = OidcHttp.text(answer, "refresh_token");
    long refreshExpiresAt;
    if (refresh == null || refresh.isBlank()) {
      refresh = previous == null ? null : previous.refreshToken();
      refreshExpiresAt = previous == null ? 0 : previous.refreshExpiresAt();
    } else {
      // Keycloak sends refresh_expires_in; 0 there means "no fixed expiry" (offline tokens).
      long in = answer.path("refresh_expires_in").asLong(0);
      refreshExpiresAt = in > 0 ? clock.instant().getEpochSecond() + in : 0;
    }
    return new Session(provider.issuer(), clientId, claims.username(), idToken,
        claims.issuedAt(), claims.expiresAt(), refresh, refreshExpiresAt);
  }
}
