package dev.wharf.login;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authorization Code + PKCE through a loopback redirect: the browser signs in at Keycloak and
 * comes back to 127.0.0.1 with a code, which is exchanged for tokens.
 */
public final class CodeFlow {

  private static final Pattern KEYCLOAK_ERROR = Pattern.compile(
      "id=\"kc-error-message\"[^>]*>\\s*<p[^>]*>([^<]{1,200})</p>");

  private final Oidc oidc;
  private final Duration timeout;

  public CodeFlow(Oidc oidc, Duration timeout) {
    this.oidc = oidc;
    this.timeout = timeout;
  }

  public Session login(String issuer, String clientId, Browser browser) {
    ProviderMetadata provider = oidc.http().discover(issuer);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      AuthorizationRequest request =
          AuthorizationRequest.create(provider, clientId, receiver.redirectUri());
      preflight(request, provider.issuer());
      browser.open(request.uri());
      Map<String, String> callback = receiver.await(timeout);
      String code = checkCallback(callback, request, provider.issuer());
      return exchange(provider, request, code);
    }
  }

  /**
   * Asks for the authorization page once before the browser does: Keycloak answers 400 for an
   * unknown client or a redirect URI the client does not allow, and the browser would only
   * show that page while this command waits.
   */
  private void preflight(AuthorizationRequest request, String issuer) {
    HttpResponse<String> page = oidc.http().getWithoutRedirects(request.uri(), issuer);
    if (page.statusCode() < 400) {
      return;
    }
    Matcher m = KEYCLOAK_ERROR.matcher(page.body() == null ? "" : page.body());
    String shown = m.find() ? m.group(1).trim() : "HTTP " + page.statusCode();
    String fix = shown.contains("redirect_uri")
        ? "Client '" + request.clientId() + "' must allow the redirect URI http://127.0.0.1/*;"
            + " ask the platform team, or use --device."
        : "Check --client-id (Wharf's clusters use 'kubernetes').";
    throw new LoginException(LoginException.Reason.BAD_CLIENT,
        issuer + " refused to start sign-in for client '" + request.clientId() + "' (" + shown
            + "). " + fix);
  }

  static String checkCallback(Map<String, String> callback, AuthorizationRequest request,
      String issuer) {
    if (!request.state().equals(callback.get("state"))) {
      throw new LoginException(LoginException.Reason.PROTOCOL,
          "the sign-in answer does not belong to this sign-in (state mismatch). Run"
              + " 'wharf login' again, and open only the newest link.");
    }
    String error = callback.get("error");
    if (error != null) {
      throw Oidc.clientError(new OAuthError(0, error, callback.get("error_description")),
          issuer, request.clientId(), "sign-in");
    }
    String code = callback.get("code");
    if (code == null || code.isBlank()) {
      throw new LoginException(LoginException.Reason.PROTOCOL,
          "the sign-in answer from " + issuer + " has no code. Run 'wharf login' again.");
    }
    return code;
  }

  private Session exchange(ProviderMetadata provider, AuthorizationRequest request, String code) {
    JsonNode answer;
    try {
      answer = oidc.http().postForm(provider.tokenEndpoint(), Map.of(
          "grant_type", "authorization_code",
          "code", code,
          "redirect_uri", request.redirectUri().toString(),
          "client_id", request.clientId(),
          "code_verifier", request.pkce().verifier()), provider.issuer());
    } catch (OAuthError e) {
      throw Oidc.clientError(e, provider.issuer(), request.clientId(), "code exchange");
    }
    IdTokenVerifier verifier = oidc.verifier(provider, request.clientId());
    return TokenResponses.toSession(answer, provider, request.clientId(), verifier,
        request.nonce(), oidc.clock(), null);
  }
}
