package dev.wharf.operator.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for OpenBao, following its documented HTTP API: KV v2 at {@code /v1/<mount>/data/}
 * and {@code /v1/<mount>/metadata/}, {@code /v1/sys/policies/acl/<name>}, and the Kubernetes auth
 * method at {@code /v1/auth/kubernetes/role/<name>} and {@code .../login}. Requests need the
 * X-Vault-Token header; the root token may do anything, tokens from a Kubernetes login are
 * held to their policies' path rules, as OpenBao does. A "service account JWT" here is the
 * string {@code sa:<namespace>:<name>}, since no Kubernetes API server runs to review real ones.
 */
public class OpenBaoStub extends StubServer {
  private static final Pattern POLICY_PATH = Pattern.compile(
      "path\\s+\"([^\"]+)\"\\s*\\{\\s*capabilities\\s*=\\s*\\[([^]]*)]\\s*}");
  private static final Set<String> ROLE_FIELDS = Set.of("bound_service_account_names",
      "bound_service_account_namespaces", "token_policies", "policies", "token_ttl", "ttl", "audience",
      "alias_name_source", "token_max_ttl");

  private final String rootToken;
  private final String kvMount;
  private final Map<String, List<Map<String, String>>> kv = new ConcurrentHashMap<>();
  private final Map<String, String> policies = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> roles = new ConcurrentHashMap<>();
  private final Map<String, List<String>> tokens = new ConcurrentHashMap<>();
  private final List<Map<String, String>> everWritten = new java.util.concurrent.CopyOnWriteArrayList<>();

  public OpenBaoStub(String rootToken, String kvMount) {
    this.rootToken = rootToken;
    this.kvMount = kvMount;
  }

  // --- what tests look at ---
  public Map<String, String> kv(String path) {
    List<Map<String, String>> versions = kv.get(path);
    return versions == null || versions.isEmpty() ? null : versions.getLast();
  }
  public int kvVersions(String path) { return kv.getOrDefault(path, List.of()).size(); }
  public String policy(String name) { return policies.get(name); }
  public JsonNode role(String name) { return roles.get(name); }
  public void deleteKvBehindTheBack(String path) { kv.remove(path); }
  /** Every KV version ever written, including those of paths deleted since. */
  public List<Map<String, String>> everWritten() { return List.copyOf(everWritten); }

  @Override
  protected void handle(HttpExchange ex, String method, String path, JsonNode body) throws IOException {
    if (path.equals("/v1/auth/kubernetes/login") && method.equals("POST")) {
      login(ex, body);
      return;
    }
    String token = ex.getRequestHeaders().getFirst("X-Vault-Token");
    if (token == null || !(token.equals(rootToken) || tokens.containsKey(token))) {
      send(ex, 403, errorBody("permission denied"));
      return;
    }
    String kvData = "/v1/" + kvMount + "/data/";
    String kvMeta = "/v1/" + kvMount + "/metadata/";
    String apiPath = path.substring("/v1/".length());
    if (!token.equals(rootToken) && !allowed(tokens.get(token), apiPath, capability(method))) {
      send(ex, 403, errorBody("1 error occurred:\n\t* permission denied\n\n"));
      return;
    }
    if (path.startsWith(kvData)) {
      kvData(ex, method, path.substring(kvData.length()), body);
    } else if (path.startsWith(kvMeta) && method.equals("DELETE")) {
      kv.remove(path.substring(kvMeta.length()));
      send(ex, 204, null);
    } else if (path.startsWith("/v1/sys/policies/acl/")) {
      policy(ex, method, path.substring("/v1/sys/policies/acl/".length()), body);
    } else if (path.startsWith("/v1/auth/kubernetes/role/")) {
      role(ex, method, path.substring("/v1/auth/kubernetes/role/".length()), body);
    } else {
      send(ex, 404, errorBody("no handler for route \"" + apiPath + "\""));
    }
  }

  private void kvData(HttpExchange ex, String method, String path, JsonNode body) throws IOException {
    switch (method) {
      case "GET" -> {
        Map<String, String> latest = kv(path);
        if (latest == null) {
          send(ex, 404, Map.of("errors", List.of()));
          return;
        }
        send(ex, 200, Map.of("data", Map.of("data", latest, "metadata", Map.of(
            "version", kvVersions(path), "created_time", Instant.now().toString(),
            "deletion_time", "", "destroyed", false))));
      }
      case "POST", "PUT" -> {
        if (body == null || !body.path("data").isObject()) {
          send(ex, 400, errorBody("no data provided"));
          return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var e : body.path("data").properties()) {
          if (!e.getValue().isTextual()) {
            send(ex, 400, errorBody("stub expects string values; " + e.getKey() + " is " + e.getValue().getNodeType()));
            return;
          }
          values.put(e.getKey(), e.getValue().asText());
        }
        everWritten.add(values);
        List<Map<String, String>> versions = kv.computeIfAbsent(path, p -> new ArrayList<>());
        synchronized (versions) {
          versions.add(values);
          send(ex, 200, Map.of("data", Map.of("version", versions.size(),
              "created_time", Instant.now().toString(), "deletion_time", "", "destroyed", false)));
        }
      }
      default -> send(ex, 405, errorBody("unsupported operation"));
    }
  }

  private void policy(HttpExchange ex, String method, String name, JsonNode body) throws IOException {
    switch (method) {
      case "GET" -> {
        String hcl = policies.get(name);
        if (hcl == null) {
          send(ex, 404, Map.of("errors", List.of()));
        } else {
          send(ex, 200, Map.of("name", name, "policy", hcl, "data", Map.of("name", name, "policy", hcl)));
        }
      }
      case "POST", "PUT" -> {
        if (body == null || !body.path("policy").isTextual() || body.path("policy").asText().isBlank()) {
          send(ex, 400, errorBody("'policy' parameter not supplied or empty"));
          return;
        }
        String hcl = body.path("policy").asText();
        if (!hcl.replaceAll("#[^\n]*", "").replaceAll(POLICY_PATH.pattern(), "").isBlank()) {
          send(ex, 400, errorBody("failed to parse policy"));
          return;
        }
        policies.put(name, hcl);
        send(ex, 204, null);
      }
      case "DELETE" -> {
        policies.remove(name);
        send(ex, 204, null);
      }
      default -> send(ex, 405, errorBody("unsupported operation"));
    }
  }

  private void role(HttpExchange ex, String method, String name, JsonNode body) throws IOException {
    switch (method) {
      case "GET" -> {
        JsonNode role = roles.get(name);
        if (role == null) {
          send(ex, 404, Map.of("errors", List.of()));
        } else {
          send(ex, 200, Map.of("data", role));
        }
      }
      case "POST", "PUT" -> {
        if (body == null) {
          send(ex, 400, errorBody("missing body"));
          return;
        }
        for (var e : body.properties()) {
          if (!ROLE_FIELDS.contains(e.getKey())) {
            send(ex, 400, errorBody("unknown field " + e.getKey()));
            return;
          }
        }
        if (!nonEmptyArray(body.path("bound_service_account_names"))
            || !nonEmptyArray(body.path("bound_service_account_namespaces"))) {
          send(ex, 400, errorBody("\"bound_service_account_names\" and \"bound_service_account_namespaces\" can not be empty"));
          return;
        }
        roles.put(name, body);
        send(ex, 204, null);
      }
      case "DELETE" -> {
        roles.remove(name);
        send(ex, 204, null);
      }
      default -> send(ex, 405, errorBody("unsupported operation"));
    }
  }

  private void login(HttpExchange ex, JsonNode body) throws IOException {
    String roleName = body == null ? "" : body.path("role").asText();
    String[] jwt = body == null ? new String[0] : body.path("jwt").asText().split(":");
    JsonNode role = roles.get(roleName);
    if (role == null || jwt.length != 3 || !jwt[0].equals("sa")
        || !contains(role.path("bound_service_account_namespaces"), jwt[1])
        || !contains(role.path("bound_service_account_names"), jwt[2])) {
      send(ex, 403, errorBody("permission denied"));
      return;
    }
    List<String> tokenPolicies = new ArrayList<>();
    role.path("token_policies").forEach(p -> tokenPolicies.add(p.asText()));
    String token = "s." + UUID.randomUUID();
    tokens.put(token, tokenPolicies);
    send(ex, 200, Map.of("auth", Map.of("client_token", token, "policies", tokenPolicies)));
  }

  /** OpenBao's ACL check for one request: some path rule of some policy matches and grants it. */
  private boolean allowed(List<String> tokenPolicies, String apiPath, String capability) {
    boolean granted = false;
    for (String name : tokenPolicies) {
      String hcl = policies.get(name);
      if (hcl == null) {
        continue;
      }
      Matcher m = POLICY_PATH.matcher(hcl);
      while (m.find()) {
        if (!pathMatches(m.group(1), apiPath)) {
          continue;
        }
        // "deny" wins over any grant. Exact, as OpenBao's rule that the most specific path
        // decides, only for deny rules on exact paths (the only kind Wharf's policies use).
        if (m.group(2).contains("\"deny\"") && !m.group(1).contains("*") && !m.group(1).contains("+")) {
          return false;
        }
        granted |= m.group(2).contains("\"" + capability + "\"");
      }
    }
    return granted;
  }

  /**
   * Stores a policy (as PUT sys/policies/acl/{name} would) and returns a token that holds
   * only it, as a Kubernetes login would: for running a client under a real policy file.
   */
  public String tokenWithPolicy(String name, String hcl) {
    if (!hcl.replaceAll("#[^\n]*", "").replaceAll(POLICY_PATH.pattern(), "").isBlank()) {
      throw new IllegalArgumentException("policy " + name + " has text the stub cannot parse");
    }
    policies.put(name, hcl);
    String token = "s." + UUID.randomUUID();
    tokens.put(token, List.of(name));
    return token;
  }

  /** Exact match, a trailing '*' glob, and '+' for one whole segment. */
  public static boolean pathMatches(String rule, String path) {
    boolean prefix = rule.endsWith("*");
    String[] r = (prefix ? rule.substring(0, rule.length() - 1) : rule).split("/", -1);
    String[] p = path.split("/", -1);
    if (prefix ? p.length < r.length : p.length != r.length) {
      return false;
    }
    for (int i = 0; i < r.length; i++) {
      boolean last = i == r.length - 1;
      if (r[i].equals("+")) {
        continue;
      }
      if (prefix && last ? !p[i].startsWith(r[i]) : !p[i].equals(r[i])) {
        return false;
      }
    }
    return true;
  }

  private static String capability(String method) {
    return switch (method) {
      case "GET" -> "read";
      case "DELETE" -> "delete";
      case "LIST" -> "list";
      default -> "update";
    };
  }

  private static boolean nonEmptyArray(JsonNode n) {
    return n.isArray() && !n.isEmpty();
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (n.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Object unavailableBody() {
    return Map.of("errors", List.of("Vault is sealed"));
  }

  @Override
  protected Object errorBody(String message) {
    return Map.of("errors", List.of(message));
  }
}
