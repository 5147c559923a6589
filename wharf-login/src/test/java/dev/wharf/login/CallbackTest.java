package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorization request URL and the checks on what comes back to the loopback listener. */
class CallbackTest {

  private static final ProviderMetadata PROVIDER = new ProviderMetadata(
      "https://kc/realms/wharf", URI.create("https://kc/realms/wharf/protocol/openid-connect/auth"),
      URI.create("https://kc/t"), URI.create("https://kc/j"), null, null, null);

  private final AuthorizationRequest request = AuthorizationRequest.create(
      PROVIDER, "kubernetes", URI.create("http://127.0.0.1:4711/callback"));

  @Test
  void authorizationUrlCarriesPkceStateAndNonce() {
    Map<String, String> q = LoopbackReceiver.parseQuery(request.uri().getRawQuery());
    assertThat(q).containsEntry("response_type", "code")
        .containsEntry("client_id", "kubernetes")
        .containsEntry("redirect_uri", "http://127.0.0.1:4711/callback")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("code_challenge", request.pkce().challenge())
        .containsEntry("state", request.state())
        .containsEntry("nonce", request.nonce());
    assertThat(q.get("scope")).startsWith("openid");
    assertThat(q).doesNotContainKey("code_verifier");
  }

  @Test
  void returnsTheCodeWhenStateMatches() {
    assertThat(CodeFlow.checkCallback(Map.of("state", request.state(), "code", "c-1"), request,
        PROVIDER.issuer())).isEqualTo("c-1");
  }

  @Test
  void rejectsAForeignState() {
    assertThatThrownBy(() -> CodeFlow.checkCallback(Map.of("state", "other", "code", "c"),
        request, PROVIDER.issuer()))
        .isInstanceOf(LoginException.class).hasMessageContaining("state mismatch");
  }

  @Test
  void deniedConsentIsAccessDenied() {
    assertThatThrownBy(() -> CodeFlow.checkCallback(Map.of("state", request.state(),
        "error", "access_denied", "error_description", "User denied consent"), request,
        PROVIDER.issuer()))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.ACCESS_DENIED))
        .hasMessageContaining("denied").hasMessageContaining("wharf login");
  }

  @Test
  void unauthorizedClientIsABadClient() {
    assertThatThrownBy(() -> CodeFlow.checkCallback(Map.of("state", request.state(),
        "error", "unauthorized_client"), request, PROVIDER.issuer()))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.BAD_CLIENT));
  }
}
