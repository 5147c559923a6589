package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesAndPlacesTest {

  @Test
  void configDirPrefersWharfConfigDirThenXdgThenHome() {
    assertThat(ConfigDir.resolve(Map.of("WHARF_CONFIG_DIR", "/w", "XDG_CONFIG_HOME", "/x"), "/h"))
        .isEqualTo(Path.of("/w"));
    assertThat(ConfigDir.resolve(Map.of("XDG_CONFIG_HOME", "/x"), "/h"))
        .isEqualTo(Path.of("/x/wharf"));
    assertThat(ConfigDir.resolve(Map.of("XDG_CONFIG_HOME", "relative"), "/h"))
        .isEqualTo(Path.of("/h/.config/wharf"));
    assertThat(ConfigDir.resolve(Map.of(), "/h")).isEqualTo(Path.of("/h/.config/wharf"));
  }

  @Test
  void cacheFileNamesAreSafeAndDistinctPerIssuerAndClient() {
    String a = LoginNames.cacheFileName("https://kc/realms/wharf", "kubernetes");
    assertThat(a).isEqualTo("session-https_3A_2F_2Fkc_2Frealms_2Fwharf_0Akubernetes.properties");
    assertThat(LoginNames.cacheFileName("https://kc/realms/a_b", "c"))
        .isNotEqualTo(LoginNames.cacheFileName("https://kc/realms/a/b", "c"));
    assertThat(LoginNames.cacheFileName("https://kc/realms/é", "c")).contains("_C3_A9");
    assertThatThrownBy(() -> LoginNames.cacheFileName("https://kc/" + "x/".repeat(200), "c"))
        .hasMessageContaining("too long");
    assertThat(a).isEqualTo(LoginNames.cacheFileName("https://kc/realms/wharf", "kubernetes"));
    assertThat(a).isNotEqualTo(LoginNames.cacheFileName("https://kc/realms/wharf", "other"));
    assertThat(a).isNotEqualTo(LoginNames.cacheFileName("https://kc/realms/other", "kubernetes"));
  }

  @Test
  void kubeconfigUserNamesTheClientHostAndRealm() {
    assertThat(LoginNames.kubeconfigUser("https://keycloak.wharf.example.com/realms/wharf",
        "kubernetes")).isEqualTo("kubernetes@keycloak.wharf.example.com/wharf");
    assertThat(LoginNames.kubeconfigUser("http://127.0.0.1:8080/realms/wharf", "k"))
        .isEqualTo("k@127.0.0.1:8080/wharf");
  }

  @Test
  void issuersMustBeHttpUrlsWithoutQuery() {
    assertThat(Issuers.parse("https://kc.example.com/realms/wharf").getHost())
        .isEqualTo("kc.example.com");
    assertThatThrownBy(() -> Issuers.parse("kc.example.com/realms/wharf"))
        .hasMessageContaining("https://");
    assertThatThrownBy(() -> Issuers.parse("https://kc/realms/wharf?x=1"))
        .hasMessageContaining("no user, query or fragment");
    assertThatThrownBy(() -> Issuers.parse("https://kc/realms/wh arf"))
        .hasMessageContaining("not a URL");
    assertThatThrownBy(() -> Issuers.parse(""))
        .hasMessageContaining("--issuer https://");
  }

  @Test
  void plainHttpIssuersOnlyOnThisMachine() {
    assertThat(Issuers.parse("http://127.0.0.1:8080/realms/wharf").getPort()).isEqualTo(8080);
    assertThat(Issuers.parse("http://localhost:8080/realms/wharf").getHost())
        .isEqualTo("localhost");
    assertThat(Issuers.parse("http://[::1]:8080/realms/wharf").getHost()).isEqualTo("[::1]");
    assertThatThrownBy(() -> Issuers.parse("http://keycloak.wharf.example.com/realms/wharf"))
        .isInstanceOf(LoginException.class)
        .hasMessageContaining("plain http is only allowed for 127.0.0.1 or localhost");
    assertThatThrownBy(() -> Issuers.parse("http://127.example.com/realms/wharf"))
        .hasMessageContaining("use https://");
  }
}
