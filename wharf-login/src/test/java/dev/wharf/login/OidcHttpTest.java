package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
