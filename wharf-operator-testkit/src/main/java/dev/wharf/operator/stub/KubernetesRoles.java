package dev.wharf.operator.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Roles of OpenBao's Kubernetes auth method as its API document describes them: list
 * parameters given as arrays or comma-separated strings, {@code "*"} for any name or namespace,
 * and {@code bound_service_account_namespace_selector} (a JSON label selector; the stub
 * understands matchLabels) ORed with the namespace list.
 */
final class KubernetesRoles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LISTS = Set.of("bound_service_account_names", "bound_service_account_namespaces",
      "token_policies", "policies");

  private KubernetesRoles() {}

  /** Why OpenBao would refuse this role, or null. */
  static String problem(JsonNode body, Set<String> known) {
    if (body == null) {
      return "missing body";
    }
    for (var e : body.properties()) {
      if (!known.contains(e.getKey())) {
        return "unknown field " + e.getKey();
      }
    }
    JsonNode role = normalised(body);
    if (role.path("bound_service_account_names").isEmpty()) {
      return "\"bound_service_account_names\" can not be empty";
    }
    String selector = role.path("bound_service_account_namespace_selector").asText("");
    if (role.path("bound_service_account_namespaces").isEmpty() && selector.isEmpty()) {
      return "\"bound_service_account_namespaces\" and \"bound_service_account_namespace_selector\" can not both be empty";
    }
    if (!selector.isEmpty() && matchLabels(selector) == null) {
      return "invalid \"bound_service_account_namespace_selector\" configured (the stub reads a JSON selector with matchLabels)";
    }
    return null;
  }

  /** The role with every list parameter as an array. */
  static JsonNode normalised(JsonNode body) {
    ObjectNode role = body.deepCopy();
    for (String field : LISTS) {
      JsonNode v = role.path(field);
      if (v.isTextual()) {
        ArrayNode list = role.putArray(field);
        for (String part : v.asText().split(",")) {
          if (!part.isBlank()) {
            list.add(part.strip());
          }
        }
      }
    }
    if (!role.has("token_policies") && role.has("policies")) {
      role.set("token_policies", role.get("policies"));
    }
    return role;
  }

  /** True when the role lets ServiceAccount {@code name} of {@code namespace} log in. */
  static boolean admits(JsonNode role, String namespace, String name, Function<String, Map<String, String>> namespaceLabels) {
    if (!containsGlob(role.path("bound_service_account_names"), name)) {
      return false;
    }
    if (containsGlob(role.path("bound_service_account_namespaces"), namespace)) {
      return true;
    }
    String selector = role.path("bound_service_account_namespace_selector").asText("");
    if (selector.isEmpty()) {
      return false;
    }
    Map<String, String> labels = namespaceLabels.apply(namespace);
    return matchLabels(selector).entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  /** OpenBao's StrListContainsGlob: "*" alone is anything; a leading or trailing '*' is a glob. */
  private static boolean containsGlob(JsonNode list, String value) {
    for (JsonNode n : list) {
      String p = n.asText();
      boolean match = p.equals("*") || p.equals(value)
          || (p.endsWith("*") && !p.startsWith("*") && value.startsWith(p.substring(0, p.length() - 1)))
          || (p.startsWith("*") && !p.endsWith("*") && value.endsWith(p.substring(1)));
      if (match) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> matchLabels(String selector) {
    try {
      JsonNode s = JSON.readTree(selector);
      if (s == null || !s.isObject() || s.size() != 1 || !s.path("matchLabels").isObject()) {
        return null;
      }
      return JSON.convertValue(s.get("matchLabels"), JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    } catch (IOException e) {
      return null;
    }
  }
}
