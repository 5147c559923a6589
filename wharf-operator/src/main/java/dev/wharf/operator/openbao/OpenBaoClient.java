package dev.wharf.operator.openbao;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.operator.http.JsonHttp;
import dev.wharf.operator.http.PathSegments;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The part of OpenBao's HTTP API the operator uses: KV v2 (read, write, delete all versions
 * via metadata) under its mount; its policy allows nothing else. Authenticates with the
 * X-Vault-Token header; the token is asked for on every request so a rotated token file is
 * picked up.
 */
public class OpenBaoClient {
  private final JsonHttp http;
  private final String kvMount;

  public OpenBaoClient(URI address, Supplier<String> token, String kvMount) {
    this(address, null, token, kvMount);
  }

  /** @param tls trust for OpenBao's certificate (the platform CA); null for the JDK default */
  public OpenBaoClient(URI address, javax.net.ssl.SSLContext tls, Supplier<String> token, String kvMount) {
    this.http = new JsonHttp("OpenBao", address, () -> Map.of("X-Vault-Token", token.get()), tls);
    this.kvMount = PathSegments.check("KV mount", kvMount);
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

  public long writes() {
    return http.writes();
  }

  private static String kvPath(String path) {
    List<String> parts = List.of(path.split("/", -1));
    parts.forEach(p -> PathSegments.check("KV path segment", p));
    return String.join("/", parts);
  }
}
