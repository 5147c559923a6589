package dev.wharf.provisioning.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.provisioning.InvalidNameException;
import dev.wharf.provisioning.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeycloakModelTest {

  private static final OidcClientSpec SPEC = new OidcClientSpec(
      List.of("https://greeter.apps.wharf.example.com/*"),
      List.of("https://greeter.apps.wharf.example.com"), false);

  private static com.fasterxml.jackson.databind.node.ObjectNode settings() {
    return KeycloakModel.confidentialClientSettings("team-a.greeter", "team-a/greeter", "team-a",
        SPEC);
  }

  @Test
  void newClientIsConfidentialWithAudienceMapperAndWharfsSecret() {
    var client = KeycloakModel.newConfidentialClient(settings(), Secret.of("s3cret"));
    assertThat(client.path("publicClient").asBoolean()).isFalse();
    assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
    assertThat(client.path("secret").asText()).isEqualTo("s3cret");
    var mapper = ClientCheck.mapperNamed(client, KeycloakModel.AUDIENCE_MAPPER);
    assertThat(ClientCheck.mapperMatches(mapper, "oidc-audience-mapper",
        KeycloakModel.audienceMapperConfig("team-a.greeter"))).isTrue();
    assertThat(settings().has("secret")).as("settings never carry the secret").isFalse();
  }

  @Test
  void identicalClientNeedsNoWrite() {
    var asStored = KeycloakModel.newConfidentialClient(settings(), Secret.of("x"));
    asStored.put("id", "1234").put("frontchannelLogout", true);
    asStored.with("attributes").put("backchannel.logout.session.required", "true");
    // Keycloak may list URIs in another order
    asStored.putArray("redirectUris").add("https://greeter.apps.wharf.example.com/*");
    assertThat(ClientCheck.settingsDiffer(asStored, settings())).isEmpty();
  }

  @Test
  void driftedSettingsAreNamed() {
    var drifted = settings().deepCopy();
    drifted.put("directAccessGrantsEnabled", true);
    drifted.putArray("redirectUris").add("https://evil.example.com/*");
    drifted.with("attributes").put(KeycloakModel.TEAM_ATTRIBUTE, "team-b");
    assertThat(ClientCheck.settingsDiffer(drifted, settings()))
        .containsExactlyInAnyOrder("directAccessGrantsEnabled", "redirectUris", "attributes");
  }

  @Test
  void mergeKeepsKeycloaksOwnFieldsAndDropsMappers() {
    var current = new ObjectMapper().createObjectNode().put("id", "1").put("clientId", "x")
        .put("frontchannelLogout", true).put("publicClient", true);
    current.putObject("attributes").put("keycloak.owned", "yes");
    current.putArray("protocolMappers").addObject().put("name", "audience");
    var merged = KeycloakModel.merged(current, settings());
    assertThat(merged.path("id").asText()).isEqualTo("1");
    assertThat(merged.path("frontchannelLogout").asBoolean()).isTrue();
    assertThat(merged.path("publicClient").asBoolean()).isFalse();
    assertThat(merged.path("attributes").path("keycloak.owned").asText()).isEqualTo("yes");
    assertThat(merged.has("protocolMappers")).isFalse();
  }

  @Test
  void groupsScopeMapsGroupNamesWithoutPath() {
    var scope = KeycloakModel.groupsScope();
    var mapper = ClientCheck.mapperNamed(scope, KeycloakModel.GROUPS_MAPPER);
    assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("groups");
    assertThat(mapper.path("config").path("full.path").asText()).isEqualTo("false");
    assertThat(ClientCheck.mapperMatches(mapper, "oidc-group-membership-mapper",
        KeycloakModel.groupsMapperConfig())).isTrue();
    assertThat(ClientCheck.mapperMatches(mapper, "oidc-audience-mapper",
        KeycloakModel.groupsMapperConfig())).isFalse();
  }

  @Test
  void publicClientUsesPkceAndOptionallyTheDeviceGrant() {
    var client = KeycloakModel.publicClientSettings("kubernetes",
        List.of("http://localhost:8000/*"), true);
    assertThat(client.path("publicClient").asBoolean()).isTrue();
    assertThat(client.path("attributes").path("pkce.code.challenge.method").asText())
        .isEqualTo("S256");
    assertThat(client.path("attributes").path("oauth2.device.authorization.grant.enabled")
        .asText()).isEqualTo("true");
  }

  @Test
  void newUserCarriesAPermanentPasswordAndACompleteProfile() {
    var user = KeycloakModel.newUser("alice", Secret.of("pw"));
    assertThat(user.path("credentials").get(0).path("temporary").asBoolean()).isFalse();
    assertThat(user.path("email").asText()).isNotEmpty();
    assertThat(user.path("firstName").asText()).isNotEmpty();
    assertThat(user.path("lastName").asText()).isNotEmpty();
  }

  @Test
  void redirectUrisAndOriginsAreValidated() {
    assertThatThrownBy(() -> OidcClientSpec.of(List.of("greeter/*"), List.of()))
        .isInstanceOf(InvalidNameException.class).hasMessageContaining("use an https URL");
    // http only on the machine itself: the same rule as the App CRD's and the operator's.
    assertThatThrownBy(() -> OidcClientSpec.of(List.of("http://greeter.example.com/*"), List.of()))
        .isInstanceOf(InvalidNameException.class).hasMessageContaining("http only for localhost");
    assertThatThrownBy(() -> OidcClientSpec.of(List.of(), List.of("http://greeter.example.com")))
        .isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> OidcClientSpec.of(List.of("javascript:alert(1)"), List.of()))
        .isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> OidcClientSpec.of(List.of("https://a.example.com/*/x"), List.of()))
        .isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> OidcClientSpec.of(List.of("https://a.example.com/ x"), List.of()))
        .isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> OidcClientSpec.of(List.of(), List.of("https://a.example.com/path")))
        .isInstanceOf(InvalidNameException.class).hasMessageContaining("origin");
    assertThat(OidcClientSpec.of(List.of("http://localhost:8080/login/*", "http://127.0.0.1/*", "http://[::1]:9000/cb"),
        List.of("+", "https://a.example.com:8443", "http://127.0.0.1:8080")).webOrigins()).hasSize(3);
  }

  @Test
  void pathSegmentsAreEncoded() {
    assertThat(AdminPath.realm("wharf").add("clients").query("clientId", "a.b c&d=e").toString())
        .isEqualTo("/admin/realms/wharf/clients?clientId=a.b%20c%26d%3De");
    assertThat(AdminPath.realm("wharf").add("group-by-path", "../x/y").toString())
        .isEqualTo("/admin/realms/wharf/group-by-path/..%2Fx%2Fy");
  }
}
