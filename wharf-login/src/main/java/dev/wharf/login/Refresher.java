package dev.wharf.login;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Renews a session whose ID token is (nearly) expired with its refresh token, and writes the
 * result back to the cache. Holds the cache lock meanwhile, so concurrent kubectl calls refresh
 * once.
 */
public final class Refresher {

  private final Oidc oidc;
  private final TokenCache cache;

  public Refresher(Oidc oidc, TokenCache cache) {
    this.oidc = oidc;
    this.cache = cache;
  }

  public Session refresh(String issuer, String clientId) {
    return cache.withLock(issuer, clientId, () -> {
      // Another process may have refreshed while this one waited for the lock.
      Session current = cache.read(issuer, clientId)
          .orElseThrow(() -> ReLogin.notSignedIn(issuer, clientId));
      if (current.idTokenFreshAt(oidc.clock().instant())) {
        return current;
      }
      if (!current.refreshUsableAt(oidc.clock().instant())) {
        throw ReLogin.expired(issuer, clientId, "the refresh token has expired");
      }
      Session renewed = renew(current);
      cache.write(renewed);
      return renewed;
    });
  }

  private Session renew(Session current) {
    ProviderMetadata provider = oidc.http().discover(current.issuer());
    JsonNode answer;
    try {
      answer = oidc.http().postForm(provider.tokenEndpoint(), Map.of(
          "grant_type", "refresh_token",
          "refresh_token", current.refreshToken(),
          "client_id", current.clientId(),
          "scope", AuthorizationRequest.SCOPE), provider.issuer());
    } catch (OAuthError e) {
      if ("invalid_grant".equals(e.error())) {
        throw ReLogin.expired(current.issuer(), current.clientId(), e.description());
      }
      throw Oidc.clientError(e, current.issuer(), current.clientId(), "token refresh");
    }
    IdTokenVerifier verifier = oidc.verifier(provider, current.clientId());
    return TokenResponses.toSession(answer, provider, current.clientId(), verifier, null,
        oidc.clock(), current);
  }
}
