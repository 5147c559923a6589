package dev.wharf.login;

import java.util.Map;

/** Ends a session: revokes the refresh token at the issuer, then deletes the cache file. */
public final class Logout {

  /** What happened; {@code warning} is null when the issuer revoked the session. */
  public record Result(boolean hadSession, boolean revoked, String warning) {}

  private final Oidc oidc;
  private final TokenCache cache;

  public Logout(Oidc oidc, TokenCache cache) {
    this.oidc = oidc;
    this.cache = cache;
  }

  /** Idempotent: no session is not an error. The cache is deleted even when revoking fails. */
  public Result logout(String issuer, String clientId) {
    Session session;
    try {
      session = cache.read(issuer, clientId).orElse(null);
    } catch (LoginException e) {
      // A corrupt file cannot be revoked, but it can be removed.
      cache.delete(issuer, clientId);
      return new Result(true, false, e.getMessage());
    }
    if (session == null) {
      cache.delete(issuer, clientId);
      return new Result(false, false, null);
    }
    String warning = null;
    boolean revoked = false;
    try {
      revoked = revoke(session);
      if (!revoked) {
        warning = issuer + " offers no revocation endpoint; the session ends when it expires.";
      }
    } catch (LoginException | OAuthError e) {
      warning = "could not revoke the session at " + issuer + " (" + e.getMessage()
          + "); it ends when it expires.";
    } finally {
      cache.delete(issuer, clientId);
    }
    return new Result(true, revoked, warning);
  }

  private boolean revoke(Session session) {
    if (session.refreshToken() == null) {
      return false;
    }
    ProviderMetadata provider = oidc.http().discover(session.issuer());
    if (provider.revocationEndpoint() != null) {
      // RFC 7009. Keycloak ends the user's session with the client when its refresh token goes.
      oidc.http().postForm(provider.revocationEndpoint(), Map.of(
          "token", session.refreshToken(),
          "token_type_hint", "refresh_token",
          "client_id", session.clientId()), session.issuer());
      return true;
    }
    if (provider.endSessionEndpoint() != null) {
      // Keycloak's back-channel logout for public clients.
      oidc.http().postForm(provider.endSessionEndpoint(), Map.of(
          "refresh_token", session.refreshToken(),
          "client_id", session.clientId()), session.issuer());
      return true;
    }
    return false;
  }
}
