package dev.wharf.operator.openbao;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.operator.http.JsonHttp;
import dev.wharf.operator.http.PathSegments;
import dev.wharf.provisioning.ServiceException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The part of OpenBao's HTTP API the operator uses: KV v2 (read, write with check-and-set,
 * delete all versions via metadata) under its mount; its policy allows nothing else.
 * Authenticates with the X-Vault-Token header; the token is asked for on every request so a
 * rotated token file is picked up, and a token OpenBao refuses (403) is dropped and the request
 * sent once more with a new login ({@link OpenBaoToken}).
 */
public class OpenBaoClient {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpenBaoClient.class);
  /** What OpenBao's KV v2 answers (400) when a write's check-and-set version is not the current one. */
  static final String CAS_MISMATCH = "check-and-set parameter did not match the current version";

  private final JsonHttp http;
  private final Supplier<String> token;
  private final String kvMount;

  public OpenBaoClient(URI address, Supplier<String> token, String kvMount) {
    this(address, null, token, kvMount);
  }

  /** @param tls trust for OpenBao's certificate (the platform CA); null for the JDK default */
  public OpenBaoClient(URI address, javax.net.ssl.SSLContext tls, Supplier<String> token, String kvMount) {
    this.http = new JsonHttp("OpenBao", address, Map::of, tls);
    this.token = token;
    this.kvMount = PathSegments.check("KV mount", kvMount);
  }

  /**
   * Reads the latest version, or empty when there is none (never written, or all deleted). When
   * the latest version is deleted (soft) the entry has no data but its version, which the next
   * check-and-set write must name.
   */
  public Optional<KvSecret> readKv(String path) {
    JsonHttp.Response r = send("GET", "/v1/" + kvMount + "/data/" + kvPath(path), null, Set.of(200, 404));
    JsonNode data = r.body().path("data").path("data");
    long version = r.body().path("data").path("metadata").path("version").asLong(0);
    if (!data.isObject()) {
      return version > 0 ? Optional.of(new KvSecret(Map.of(), version)) : Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    data.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    return Optional.of(new KvSecret(values, version));
  }

  /**
   * Writes a new version if the current one is still {@code expectedVersion} (KV v2
   * check-and-set; 0: there is no entry yet); returns the new version's number. When another
   * writer came first, throws a {@link ServiceException} saying so: read again and retry.
   */
  public long writeKv(String path, Map<String, String> data, long expectedVersion) {
    ObjectNode body = JsonHttp.JSON.createObjectNode();
    body.putObject("options").put("cas", expectedVersion);
    ObjectNode d = body.putObject("data");
    data.forEach(d::put);
    JsonHttp.Response r = send("POST", "/v1/" + kvMount + "/data/" + kvPath(path), body, Set.of(200, 204, 400));
    if (r.status() == 400) {
      boolean conflict = r.body().path("errors").toString().contains(CAS_MISMATCH);
      throw new ServiceException("OpenBao", false, 400, conflict
          ? "conflict: OpenBao's entry " + kvMount + "/" + path + " changed since version " + expectedVersion
              + " was read (another writer); it is read again on the next try"
          : "OpenBao refused to write " + kvMount + "/" + path + " (400)", null);
    }
    return r.body().path("data").path("version").asLong();
  }

  /** Deletes every version and the metadata of a path. */
  public void deleteKv(String path) {
    send("DELETE", "/v1/" + kvMount + "/metadata/" + kvPath(path), null, Set.of(204, 200, 404));
  }

  public long writes() {
    return http.writes();
  }

  /** One request; on 403 a refreshable token is dropped and the request sent once more with a new one. */
  private JsonHttp.Response send(String method, String path, Object body, Set<Integer> expected) {
    String used = token.get();
    try {
      return http.send(method, path, body, expected, Map.of("X-Vault-Token", used));
    } catch (ServiceException e) {
      if (e.status() != 403 || !(token instanceof OpenBaoToken refreshable)) {
        throw e;
      }
      refreshable.refused(used);
      LOG.info("OpenBao refused the operator's token (403 on {} {}): logging in again", method, path);
      String fresh = token.get();
      if (fresh.equals(used)) {
        throw e;
      }
      return http.send(method, path, body, expected, Map.of("X-Vault-Token", fresh));
    }
  }

  private static String kvPath(String path) {
    List<String> parts = List.of(path.split("/", -1));
    parts.forEach(p -> PathSegments.check("KV path segment", p));
    return String.join("/", parts);
  }
}
