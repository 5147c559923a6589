package dev.wharf.login;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The device authorization grant (RFC 8628) for machines without a browser: shows a code, the
 * user approves it on any device, and this polls the token endpoint until they have.
 */
public final class DeviceFlow {

  /** Waits between polls; tests may pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final Oidc oidc;
  private final Sleeper sleeper;

  public DeviceFlow(Oidc oidc, Sleeper sleeper) {
    this.oidc = oidc;
    this.sleeper = sleeper;
  }

  public DeviceFlow(Oidc oidc) {
    this(oidc, d -> Thread.sleep(d.toMillis()));
  }

  /** @param show tells the user where to go and what code to enter */
  public Session login(String issuer, String clientId, Consumer<DeviceAuthorization> show) {
    ProviderMetadata provider = oidc.http().discover(issuer);
    if (provider.deviceAuthorizationEndpoint() == null) {
      throw new LoginException(LoginException.Reason.BAD_CLIENT,
          issuer + " does not offer the device flow. Sign in without --device.");
    }
    Pkce pkce = Pkce.generate();
    DeviceAuthorization authorization = start(provider, clientId, pkce);
    show.accept(authorization);
    DevicePolling polling = new DevicePolling(authorization, provider.issuer());
    while (true) {
      sleep(polling.interval());
      polling.checkDeadline(oidc.clock().instant());
      try {
        JsonNode answer = oidc.http().postForm(provider.tokenEndpoint(), Map.of(
            "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
            "device_code", authorization.deviceCode(),
            "client_id", clientId,
            "code_verifier", pkce.verifier()), provider.issuer());
        IdTokenVerifier verifier = oidc.verifier(provider, clientId);
        return TokenResponses.toSession(answer, provider, clientId, verifier, null,
            oidc.clock(), null);
      } catch (OAuthError e) {
        polling.onError(e, clientId);
      }
    }
  }

  private DeviceAuthorization start(ProviderMetadata provider, String clientId, Pkce pkce) {
    JsonNode answer;
    try {
      // PKCE on the device flow is a Keycloak extension; clients that require it need it here.
      answer = oidc.http().postForm(provider.deviceAuthorizationEndpoint(), Map.of(
          "client_id", clientId,
          "scope", AuthorizationRequest.SCOPE,
          "code_challenge", pkce.challenge(),
          "code_challenge_method", Pkce.METHOD), provider.issuer());
    } catch (OAuthError e) {
      throw Oidc.clientError(e, provider.issuer(), clientId, "device sign-in");
    }
    String deviceCode = OidcHttp.text(answer, "device_code");
    String userCode = OidcHttp.text(answer, "user_code");
    String uri = OidcHttp.text(answer, "verification_uri");
    if (deviceCode == null || userCode == null || uri == null) {
      throw new LoginException(LoginException.Reason.PROTOCOL,
          provider.issuer() + " started the device flow without a device code, user code or"
              + " verification URI.");
    }
    String complete = OidcHttp.text(answer, "verification_uri_complete");
    long expiresIn = answer.path("expires_in").asLong(600);
    long interval = answer.path("interval").asLong(DevicePolling.DEFAULT_INTERVAL.toSeconds());
    return new DeviceAuthorization(deviceCode, userCode, URI.create(uri),
        complete == null ? null : URI.create(complete),
        oidc.clock().instant().plusSeconds(expiresIn), Duration.ofSeconds(interval));
  }

  private void sleep(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoginException(LoginException.Reason.TIMED_OUT, "device sign-in interrupted");
    }
  }
}
