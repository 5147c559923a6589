package dev.wharf.operator.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Stands in for OpenBao, following its documented HTTP API: KV v2 at {@code /v1/<mount>/data/}
 * and {@code /v1/<mount>/metadata/}, {@code /v1/sys/policies/acl/<name>}, {@code
 * /v1/sys/auth/kubernetes} (its accessor), and the Kubernetes auth method's roles and login.
 * Requests need the X-Vault-Token header; the root token may do anything, other tokens are held
 * to their policies as OpenBao holds them ({@link OpenBaoAcl}: templated paths, the most
 * specific rule deciding, create and update told apart by whether the path exists). A login
 * checks the role's service account names and namespaces, or its namespace label selector
 * (matchLabels) against the namespace's labels, and gives the token an entity alias with the
 * metadata OpenBao sets ({@code service_account_name}, {@code service_account_namespace}). A
 * "service account JWT" here is {@code sa:<namespace>:<name>}, since no Kubernetes API server
 * reviews real ones. KV v2 ({@link OpenBaoKv}) honours check-and-set and the mount's
 * {@code cas_required} as OpenBao does. A revoked token is refused (403 permission denied) as any
 * unknown token; a login's lease_duration is its role's token_ttl.
 */
public class OpenBaoStub extends StubServer {
  private static final Set<String> ROLE_FIELDS = Set.of("bound_service_account_names",
      "bound_service_account_namespaces", "bound_service_account_namespace_selector", "token_policies", "policies",
      "token_ttl", "ttl", "audience", "alias_name_source", "token_max_ttl");

  /** A token: its policies and, from a Kubernetes login, its alias. */
  private record Token(List<String> policies, OpenBaoAcl.Alias alias) {}

  private final String rootToken;
  private final String kvMount;
  private final Function<String, Map<String, String>> namespaceLabels;
  private final String kubernetesAccessor = "auth_kubernetes_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  private final OpenBaoKv kv = new OpenBaoKv();
  private final Map<String, String> policies = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> roles = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();

  public OpenBaoStub(String rootToken, String kvMount) {
    this(rootToken, kvMount, namespace -> Map.of());
  }

  /** @param namespaceLabels the labels of a namespace, as OpenBao would read them for a role's namespace selector */
  public OpenBaoStub(String rootToken, String kvMount, Function<String, Map<String, String>> namespaceLabels) {
    this.rootToken = rootToken;
    this.kvMount = kvMount;
    this.namespaceLabels = namespaceLabels;
  }

  // --- what tests look at ---
  public Map<String, String> kv(String path) { return kv.latest(path); }
  public int kvVersions(String path) { return kv.versions(path); }
  public String policy(String name) { return policies.get(name); }
  public JsonNode role(String name) { return roles.get(name); }
  public Set<String> policyNames() { return Set.copyOf(policies.keySet()); }
  public Set<String> roleNames() { return Set.copyOf(roles.keySet()); }
  public void deleteKvBehindTheBack(String path) { kv.delete(path); }
  /**
   * Another writer gets in first: just before the next write to {@code path} is handled, a
   * version with {@code key} set is added, as if it had been written between that writer's read
   * and its write.
   */
  public void raceNextWrite(String path, String key, String value) { kv.raceNextWrite(path, key, value); }
  /** Another writer adds a version with {@code key} set (as {@code bao kv patch} does). */
  public void putKvBehindTheBack(String path, String key, String value) { kv.put(path, key, value); }
  /** Every KV version ever written, including those of paths deleted since. */
  public List<Map<String, String>> everWritten() { return kv.everWritten(); }
  /** Kubernetes-auth logins that got a token. */
  public int logins() { return logins.get(); }
  /** Revokes every token but root ({@code bao token revoke}, or lost with a restore): each must log in again. */
  public void revokeTokens() { tokens.clear(); }
  /** The accessor of the Kubernetes auth mount, as {@code GET sys/auth/kubernetes} shows it. */
  public String kubernetesAccessor() { return kubernetesAccessor; }

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
    if (!token.equals(rootToken) && !allowed(tokens.get(token), apiPath, capability(ex, method, path))) {
      send(ex, 403, errorBody("1 error occurred:\n\t* permission denied\n\n"));
      return;
    }
    if (path.startsWith(kvData)) {
      kv.data(ex, method, path.substring(kvData.length()), body);
    } else if (path.equals("/v1/" + kvMount + "/config")) {
      kv.config(ex, method, body);
    } else if (path.startsWith(kvMeta) && method.equals("DELETE")) {
      kv.delete(path.substring(kvMeta.length()));
      send(ex, 204, null);
    } else if (path.startsWith("/v1/sys/policies/acl/")) {
      policy(ex, method, path.substring("/v1/sys/policies/acl/".length()), body);
    } else if (path.equals("/v1/sys/auth/kubernetes") && method.equals("GET")) {
      send(ex, 200, Map.of("data", Map.of("accessor", kubernetesAccessor, "type", "kubernetes")));
    } else if (path.startsWith("/v1/auth/kubernetes/role/")) {
      role(ex, method, path.substring("/v1/auth/kubernetes/role/".length()), body);
    } else {
      send(ex, 404, errorBody("no handler for route \"" + apiPath + "\""));
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
        try {
          putPolicy(name, body.path("policy").asText());
        } catch (IllegalArgumentException e) {
          send(ex, 400, errorBody(e.getMessage()));
          return;
        }
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
        String problem = KubernetesRoles.problem(body, ROLE_FIELDS);
        if (problem != null) {
          send(ex, 400, errorBody(problem));
          return;
        }
        roles.put(name, KubernetesRoles.normalised(body));
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
        || !KubernetesRoles.admits(role, jwt[1], jwt[2], namespaceLabels)) {
      send(ex, 403, errorBody("permission denied"));
      return;
    }
    List<String> tokenPolicies = new ArrayList<>();
    role.path("token_policies").forEach(p -> tokenPolicies.add(p.asText()));
    Map<String, String> metadata = Map.of("service_account_namespace", jwt[1], "service_account_name", jwt[2],
        "service_account_uid", UUID.nameUUIDFromBytes((jwt[1] + "/" + jwt[2]).getBytes()).toString());
    String token = "s." + UUID.randomUUID();
    logins.incrementAndGet();
    tokens.put(token, new Token(tokenPolicies,
        new OpenBaoAcl.Alias(kubernetesAccessor, metadata.get("service_account_uid"), metadata)));
    Map<String, Object> shown = new LinkedHashMap<>(metadata);
    shown.put("role", roleName);
    send(ex, 200, Map.of("auth", Map.of("client_token", token, "policies", tokenPolicies, "metadata", shown,
        "lease_duration", ttlSeconds(role.path("token_ttl").asText("")))));
  }

  /** A role's token_ttl ("1h", "10m", "30s" or seconds) as the login's lease_duration; OpenBao's default, 32 days, when unset. */
  private static long ttlSeconds(String ttl) {
    if (ttl.matches("\\d+[smh]")) {
      long n = Long.parseLong(ttl.substring(0, ttl.length() - 1));
      return switch (ttl.charAt(ttl.length() - 1)) {
        case 's' -> n;
        case 'm' -> n * 60;
        default -> n * 3600;
      };
    }
    return ttl.matches("\\d+") ? Long.parseLong(ttl) : 32L * 24 * 3600;
  }

  /** OpenBao's ACL check for one request by a token other than root. */
  private boolean allowed(Token token, String apiPath, String capability) {
    List<OpenBaoAcl.Rule> rules = new ArrayList<>();
    for (String name : token.policies()) {
      String hcl = policies.get(name);
      if (hcl != null) {
        rules.addAll(OpenBaoAcl.resolve(OpenBaoAcl.parse(hcl), token.alias()));
      }
    }
    return OpenBaoAcl.allows(rules, apiPath, capability);
  }

  /** Stores a policy as {@code PUT sys/policies/acl/{name}} does; IllegalArgumentException when OpenBao would refuse it. */
  public void putPolicy(String name, String hcl) {
    OpenBaoAcl.parse(hcl);
    policies.put(name, hcl);
  }

  /**
   * Stores a policy and returns a token that holds only it (no entity alias, as for a token
   * made with {@code bao token create}): for running a client under a real policy file.
   */
  public String tokenWithPolicy(String name, String hcl) {
    putPolicy(name, hcl);
    String token = "s." + UUID.randomUUID();
    tokens.put(token, new Token(List.of(name), null));
    return token;
  }

  /** The capability a request needs: a write is "create" where nothing exists yet, else "update". */
  private String capability(HttpExchange ex, String method, String path) {
    String query = ex.getRequestURI().getRawQuery();
    return switch (method) {
      case "GET" -> query != null && query.contains("list=true") ? "list" : "read";
      case "LIST" -> "list";
      case "DELETE" -> "delete";
      default -> exists(path) ? "update" : "create";
    };
  }

  private boolean exists(String path) {
    String kvData = "/v1/" + kvMount + "/data/";
    if (path.startsWith(kvData)) {
      return kv.versions(path.substring(kvData.length())) > 0;
    }
    if (path.startsWith("/v1/sys/policies/acl/")) {
      return policies.containsKey(path.substring("/v1/sys/policies/acl/".length()));
    }
    if (path.startsWith("/v1/auth/kubernetes/role/")) {
      return roles.containsKey(path.substring("/v1/auth/kubernetes/role/".length()));
    }
    return true;
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
