package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OidcHttpTest {

  @Test
  void unknownIssuerHostSaysSo() {
    // .invalid never resolves (RFC 6761), so no server is needed.
    String issuer = "https://keycloak.wharf.invalid/realms/wharf";
    assertThatThrownBy(() -> new OidcHttp().discover(issuer))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.ISSUER_UNREACHABLE))
        .hasMessageContaining("cannot reach the issuer " + issuer)
        .hasMessageContaining("its host name is not known")
        .hasMessageContaining("Check the --issuer URL");
  }

  @Test
  void discoveredEndpointsMustBeHttpsOrOnThisMachine() {
    URI from = URI.create("https://kc.example.com/realms/wharf/.well-known/openid-configuration");
    assertThat(OidcHttp.endpoint("https://kc.example.com/realms/wharf/token", "token_endpoint",
        from)).hasHost("kc.example.com");
    assertThat(OidcHttp.endpoint("http://127.0.0.1:8080/realms/wharf/token", "token_endpoint",
        from)).hasPort(8080);
    assertThatThrownBy(() -> OidcHttp.endpoint("http://kc.example.com/realms/wharf/token",
        "token_endpoint", from))
        .isInstanceOf(LoginException.class)
        .hasMessageContaining("'token_endpoint' as http://kc.example.com/realms/wharf/token")
        .hasMessageContaining("not an https URL");
    assertThatThrownBy(() -> OidcHttp.endpoint("not a url", "jwks_uri", from))
        .isInstanceOf(LoginException.class)
        .hasMessageContaining("'jwks_uri'").hasMessageContaining("not a URL");
  }
}
