package dev.wharf.provisioning.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares Keycloak's representation of a client with what Wharf wants. Model code. */
final class ClientCheck {

  private ClientCheck() {}

  /** Names of the settings that differ; empty when the client is as wanted. */
  static List<String> settingsDiffer(JsonNode actual, ObjectNode wanted) {
    var differ = new ArrayList<String>();
    wanted.fields().forEachRemaining(e -> {
      String field = e.getKey();
      JsonNode want = e.getValue();
      JsonNode have = actual.path(field);
      boolean same = switch (field) {
        case "attributes" -> attributesContain(have, want);
        case "redirectUris", "webOrigins" -> asSet(have).equals(asSet(want));
        default -> have.equals(want);
      };
      if (!same) {
        differ.add(field);
      }
    });
    return differ;
  }

  /** The mapper named {@code name} in a representation's protocolMappers, or null. */
  static JsonNode mapperNamed(JsonNode representation, String name) {
    for (JsonNode mapper : representation.path("protocolMappers")) {
      if (name.equals(mapper.path("name").asText())) {
        return mapper;
      }
    }
    return null;
  }

  /** True when {@code mapper} is of {@code type} and carries every entry of {@code config}. */
  static boolean mapperMatches(JsonNode mapper, String type, Map<String, String> config) {
    if (mapper == null || !type.equals(mapper.path("protocolMapper").asText())) {
      return false;
    }
    JsonNode have = mapper.path("config");
    return config.entrySet().stream()
        .allMatch(e -> e.getValue().equals(have.path(e.getKey()).asText(null)));
  }

  /** True when the client's default scopes are listed and include {@code scope}. */
  static boolean hasDefaultScope(JsonNode client, String scope) {
    for (JsonNode s : client.path("defaultClientScopes")) {
      if (scope.equals(s.asText())) {
        return true;
      }
    }
    return false;
  }

  private static boolean attributesContain(JsonNode have, JsonNode want) {
    var it = want.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!e.getValue().asText().equals(have.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> asSet(JsonNode array) {
    var out = new HashSet<String>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
