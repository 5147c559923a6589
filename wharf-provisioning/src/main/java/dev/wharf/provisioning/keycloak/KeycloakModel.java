package dev.wharf.provisioning.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.Names;
import dev.wharf.provisioning.Secret;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Keycloak representations Wharf wants, as JSON. Model code: no I/O. */
final class KeycloakModel {

  static final String AUDIENCE_MAPPER = "audience";
  static final String GROUPS_MAPPER = "groups";
  static final String TEAM_ATTRIBUTE = "wharf.dev/team";
  static final String APP_ATTRIBUTE = "wharf.dev/app";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private KeycloakModel() {}

  static ObjectNode realm(String realm) {
    return F.objectNode().put("realm", realm).put("enabled", true);
  }

  /** A client scope that adds the user's group names (no leading slash) as claim "groups". */
  static ObjectNode groupsScope() {
    var scope = F.objectNode()
        .put("name", Names.GROUPS_SCOPE)
        .put("protocol", "openid-connect")
        .put("description", "Group names of the user, for Wharf's RBAC");
    scope.putObject("attributes")
        .put("include.in.token.scope", "true")
        .put("display.on.consent.screen", "false");
    scope.putArray("protocolMappers").add(groupsMapper());
    return scope;
  }

  static ObjectNode groupsMapper() {
    var mapper = F.objectNode()
        .put("name", GROUPS_MAPPER)
        .put("protocol", "openid-connect")
        .put("protocolMapper", "oidc-group-membership-mapper");
    putConfig(mapper, groupsMapperConfig());
    return mapper;
  }

  static Map<String, String> groupsMapperConfig() {
    var config = new LinkedHashMap<String, String>();
    config.put("claim.name", Names.GROUPS_CLAIM);
    config.put("full.path", "false");
    config.put("id.token.claim", "true");
    config.put("access.token.claim", "true");
    config.put("userinfo.token.claim", "true");
    config.put("introspection.token.claim", "true");
    return config;
  }

  /** Puts {@code clientId} in the aud claim of the client's access tokens. */
  static ObjectNode audienceMapper(String clientId) {
    var mapper = F.objectNode()
        .put("name", AUDIENCE_MAPPER)
        .put("protocol", "openid-connect")
        .put("protocolMapper", "oidc-audience-mapper");
    putConfig(mapper, audienceMapperConfig(clientId));
    return mapper;
  }

  static Map<String, String> audienceMapperConfig(String clientId) {
    var config = new LinkedHashMap<String, String>();
    config.put("included.client.audience", clientId);
    config.put("id.token.claim", "false");
    config.put("access.token.claim", "true");
    config.put("introspection.token.claim", "true");
    return config;
  }

  /** The settings Wharf owns on an app's confidential client (compared on every ensure). */
  static ObjectNode confidentialClientSettings(String clientId, String app, String team,
      OidcClientSpec spec) {
    var client = F.objectNode()
        .put("clientId", clientId)
        .put("enabled", true)
        .put("protocol", "openid-connect")
        .put("publicClient", false)
        .put("clientAuthenticatorType", "client-secret")
        .put("standardFlowEnabled", true)
        .put("implicitFlowEnabled", false)
        .put("directAccessGrantsEnabled", spec.directAccessGrants())
        .put("serviceAccountsEnabled", false)
        .put("bearerOnly", false);
    putStrings(client, "redirectUris", spec.redirectUris());
    putStrings(client, "webOrigins", spec.webOrigins());
    client.putObject("attributes")
        .put(TEAM_ATTRIBUTE, team)
        .put(APP_ATTRIBUTE, app)
        .put("post.logout.redirect.uris", "+");
    return client;
  }

  /**
   * True when Wharf made {@code client} for {@code app}: it carries the app in its
   * {@value #APP_ATTRIBUTE} attribute, set when the client is created.
   */
  static boolean madeFor(JsonNode client, AppRef app) {
    return app.toString().equals(client.path("attributes").path(APP_ATTRIBUTE).asText());
  }

  /** A new confidential client: the settings, a secret chosen by Wharf, the audience mapper. */
  static ObjectNode newConfidentialClient(ObjectNode settings, Secret secret) {
    var client = settings.deepCopy();
    client.put("name", settings.path("attributes").path(APP_ATTRIBUTE).asText());
    client.put("secret", secret.reveal());
    client.putArray("protocolMappers")
        .add(audienceMapper(settings.path("clientId").asText()));
    return client;
  }

  /** A public client for developer sign-in: PKCE S256, optionally the device grant. */
  static ObjectNode publicClientSettings(String clientId, Collection<String> redirectUris,
      boolean deviceFlow) {
    var client = F.objectNode()
        .put("clientId", clientId)
        .put("enabled", true)
        .put("protocol", "openid-connect")
        .put("publicClient", true)
        .put("standardFlowEnabled", true)
        .put("implicitFlowEnabled", false)
        .put("directAccessGrantsEnabled", false)
        .put("serviceAccountsEnabled", false)
        .put("bearerOnly", false);
    putStrings(client, "redirectUris", redirectUris);
    putStrings(client, "webOrigins", java.util.List.of());
    client.putObject("attributes")
        .put("pkce.code.challenge.method", "S256")
        .put("oauth2.device.authorization.grant.enabled", Boolean.toString(deviceFlow));
    return client;
  }

  static ObjectNode newPublicClient(ObjectNode settings) {
    var client = settings.deepCopy();
    client.putArray("protocolMappers")
        .add(audienceMapper(settings.path("clientId").asText()));
    return client;
  }

  /** A demo or test user: enabled, with a profile complete enough to sign in directly. */
  static ObjectNode newUser(String username, Secret password) {
    var user = F.objectNode()
        .put("username", username)
        .put("enabled", true)
        .put("email", username + "@users.wharf.local")
        .put("emailVerified", true)
        .put("firstName", username)
        .put("lastName", "Wharf");
    user.putArray("credentials").add(password(password));
    return user;
  }

  /** A permanent password credential (a user's {@code credentials} entry, or a reset). */
  static ObjectNode password(Secret password) {
    return F.objectNode()
        .put("type", "password")
        .put("value", password.reveal())
        .put("temporary", false);
  }

  static ObjectNode group(String name) {
    return F.objectNode().put("name", name);
  }

  /** A copy of {@code current} with every field of {@code settings} written over it. */
  static ObjectNode merged(JsonNode current, ObjectNode settings) {
    var out = ((ObjectNode) current).deepCopy();
    settings.fields().forEachRemaining(e -> {
      if (e.getKey().equals("attributes")) {
        var attributes = out.with("attributes");
        e.getValue().fields().forEachRemaining(a -> attributes.set(a.getKey(), a.getValue()));
      } else {
        out.set(e.getKey(), e.getValue());
      }
    });
    out.remove("protocolMappers"); // mappers are changed through their own endpoint
    return out;
  }

  private static void putConfig(ObjectNode mapper, Map<String, String> config) {
    var node = mapper.putObject("config");
    config.forEach(node::put);
  }

  private static void putStrings(ObjectNode node, String field, Collection<String> values) {
    var array = node.putArray(field);
    values.forEach(array::add);
  }
}
