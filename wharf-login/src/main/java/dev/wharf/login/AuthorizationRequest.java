package dev.wharf.login;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One authorization code request: PKCE, state and nonce are fresh per sign-in and kept here to
 * check the callback and the ID token against.
 */
public record AuthorizationRequest(
    URI authorizationEndpoint, String clientId, URI redirectUri, Pkce pkce, String state,
    String nonce) {

  static final String SCOPE = "openid profile email";

  public static AuthorizationRequest create(ProviderMetadata provider, String clientId,
      URI redirectUri) {
    return new AuthorizationRequest(provider.authorizationEndpoint(), clientId, redirectUri,
        Pkce.generate(), Pkce.randomUrlSafe(16), Pkce.randomUrlSafe(16));
  }

  /** The URL the browser opens. */
  public URI uri() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", clientId);
    q.put("redirect_uri", redirectUri.toString());
    q.put("scope", SCOPE);
    q.put("state", state);
    q.put("nonce", nonce);
    q.put("code_challenge", pkce.challenge());
    q.put("code_challenge_method", Pkce.METHOD);
    String base = authorizationEndpoint.toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + OidcHttp.formBody(q));
  }

  @Override
  public String toString() {
    return "AuthorizationRequest[" + authorizationEndpoint + ", clientId=" + clientId
        + ", redirectUri=" + redirectUri + "]";
  }
}
