package dev.wharf.operator.openbao;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.operator.http.JsonHttp;
import dev.wharf.operator.http.PathSegments;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parts of OpenBao's HTTP API the operator uses: KV v2 (read, write, delete all versions
 * via metadata), ACL policies, and roles of the Kubernetes auth method. Authenticates with
 * the X-Vault-Token header; the token is asked for on every request so a rotated token file
 * is picked up.
 */
public class OpenBaoClient {
  private final JsonHttp http;
  private final String kvMount;
  private final String kubernetesMount;

  public OpenBaoClient(URI address, Supplier<String> token, String kvMount, String kubernetesMount) {
    this(address, null, token, kvMount, kubernetesMount);
  }

  /** @param tls trust for OpenBao's certificate (the platform CA); null for the JDK default */
  public OpenBaoClient(URI address, javax.net.ssl.SSLContext tls, Supplier<String> token, String kvMount, String kubernetesMount) {
    this.http = new JsonHttp("OpenBao", address, () -> Map.of("X-Vault-Token", token.get()), tls);
    this.kvMount = PathSegments.check("KV mount", kvMount);
    this.kubernetesMount = PathSegments.check("auth mount", kubernetesMount);
  }

  /** Reads the latest version, or empty when there is none (never written, or deleted). */
  public Optional<KvSecret> readKv(String path) {
    JsonHttp.Response r = http.send("GET", "/v1/" + kvMount + "/data/" + kvPath(path), null, Set.of(200, 404));
    if (r.status() == 404) {
      return Optional.empty();
    }
    JsonNode data = r.body().path("data").path("data");
    if (!data.isObject()) {
      return Optional.empty(); // latest version deleted or destroyed
    }
    Map<String, String> values = new LinkedHashMap<>();
    data.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    return Optional.of(new KvSecret(values, r.body().path("data").path("metadata").path("version").asLong()));
  }

  /** Writes a new version; returns its number. */
  public long writeKv(String path, Map<String, String> data) {
    ObjectNode body = JsonHttp.JSON.createObjectNode();
    ObjectNode d = body.putObject("data");
    data.forEach(d::put);
    JsonHttp.Response r = http.send("POST", "/v1/" + kvMount + "/data/" + kvPath(path), body, Set.of(200, 204));
    return r.body().path("data").path("version").asLong();
  }

  /** Deletes every version and the metadata of a path. */
  public void deleteKv(String path) {
    http.send("DELETE", "/v1/" + kvMount + "/metadata/" + kvPath(path), null, Set.of(204, 200, 404));
  }

  public Optional<String> readPolicy(String name) {
    JsonHttp.Response r = http.send("GET", "/v1/sys/policies/acl/" + PathSegments.check("policy", name), null, Set.of(200, 404));
    if (r.status() == 404) {
      return Optional.empty();
    }
    JsonNode body = r.body().has("data") ? r.body().path("data") : r.body();
    return Optional.of(body.path("policy").asText());
  }

  public void writePolicy(String name, String hcl) {
    http.send("PUT", "/v1/sys/policies/acl/" + PathSegments.check("policy", name), Map.of("policy", hcl), Set.of(204, 200));
  }

  public void deletePolicy(String name) {
    http.send("DELETE", "/v1/sys/policies/acl/" + PathSegments.check("policy", name), null, Set.of(204, 200, 404));
  }

  public Optional<KubernetesRole> readRole(String name) {
    JsonHttp.Response r = http.send("GET", rolePath(name), null, Set.of(200, 404));
    if (r.status() == 404) {
      return Optional.empty();
    }
    JsonNode d = r.body().path("data");
    return Optional.of(new KubernetesRole(strings(d.path("bound_service_account_names")),
        strings(d.path("bound_service_account_namespaces")), strings(d.path("token_policies")),
        d.path("audience").asText(""), d.path("token_ttl").asLong()));
  }

  public void writeRole(String name, KubernetesRole role) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bound_service_account_names", role.serviceAccountNames());
    body.put("bound_service_account_namespaces", role.serviceAccountNamespaces());
    body.put("token_policies", role.policies());
    body.put("token_ttl", role.tokenTtlSeconds());
    if (!role.audience().isEmpty()) {
      body.put("audience", role.audience());
    }
    http.send("POST", rolePath(name), body, Set.of(204, 200));
  }

  public void deleteRole(String name) {
    http.send("DELETE", rolePath(name), null, Set.of(204, 200, 404));
  }

  public long writes() {
    return http.writes();
  }

  private String rolePath(String name) {
    return "/v1/auth/" + kubernetesMount + "/role/" + PathSegments.check("role", name);
  }

  private static String kvPath(String path) {
    List<String> parts = List.of(path.split("/", -1));
    parts.forEach(p -> PathSegments.check("KV path segment", p));
    return String.join("/", parts);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
