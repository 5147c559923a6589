package dev.wharf.login;

import java.time.Clock;

/** What the flows share: HTTP to the issuer and the clock. */
public record Oidc(OidcHttp http, Clock clock) {

  public static Oidc standard() {
    return new Oidc(new OidcHttp(), Clock.systemUTC());
  }

  /** A verifier holding the issuer's current keys (one JWKS fetch). */
  IdTokenVerifier verifier(ProviderMetadata provider, String clientId) {
    String jwks = http.getText(provider.jwksUri(), provider.issuer());
    return new IdTokenVerifier(jwks, provider.issuer(), clientId, clock);
  }

  /** Maps an OAuth error on a client's request to a message that says what to fix. */
  static LoginException clientError(OAuthError e, String issuer, String clientId, String flow) {
    if (e.isClientProblem()) {
      return new LoginException(LoginException.Reason.BAD_CLIENT,
          issuer + " rejected client id '" + clientId + "' for the " + flow + " ("
              + e.getMessage() + "). Check --client-id (Wharf's clusters use 'kubernetes');"
              + " the client must be public and allow this flow.", e);
    }
    if ("access_denied".equals(e.error())) {
      return new LoginException(LoginException.Reason.ACCESS_DENIED,
          "sign-in was denied at " + issuer + " (" + e.getMessage() + "). Run 'wharf login'"
              + " again and approve the request.", e);
    }
    return new LoginException(LoginException.Reason.PROTOCOL,
        issuer + " refused the " + flow + ": " + e.getMessage() + ".", e);
  }
}
