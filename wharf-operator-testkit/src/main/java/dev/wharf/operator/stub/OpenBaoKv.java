package dev.wharf.operator.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The KV v2 secrets engine of {@link OpenBaoStub}: versions per path, reads of the latest, and
 * writes that honour check-and-set as OpenBao does ({@code options.cas} 0 only where no version
 * exists, n only where n is the current version, else 400; with {@code cas_required} on the
 * mount a write without it is refused).
 */
final class OpenBaoKv {
  private final Map<String, List<Map<String, String>>> kv = new ConcurrentHashMap<>();
  private final List<Map<String, String>> everWritten = new CopyOnWriteArrayList<>();
  private final Map<String, Map.Entry<String, String>> races = new ConcurrentHashMap<>();
  private volatile boolean casRequired;

  Map<String, String> latest(String path) {
    List<Map<String, String>> versions = kv.get(path);
    return versions == null || versions.isEmpty() ? null : versions.getLast();
  }

  int versions(String path) {
    return kv.getOrDefault(path, List.of()).size();
  }

  /** Deletes every version and the metadata (DELETE metadata/...). */
  void delete(String path) {
    kv.remove(path);
  }

  List<Map<String, String>> everWritten() {
    return List.copyOf(everWritten);
  }

  void raceNextWrite(String path, String key, String value) {
    races.put(path, Map.entry(key, value));
  }

  /** A new version with {@code key} set, as {@code bao kv patch} writes it. */
  void put(String path, String key, String value) {
    List<Map<String, String>> versions = kv.computeIfAbsent(path, p -> new ArrayList<>());
    synchronized (versions) {
      Map<String, String> next = new LinkedHashMap<>(versions.isEmpty() ? Map.of() : versions.getLast());
      next.put(key, value);
      versions.add(next);
    }
  }

  /** {@code /v1/<mount>/data/<path>}: read the latest version, or write a new one. */
  void data(HttpExchange ex, String method, String path, JsonNode body) throws IOException {
    switch (method) {
      case "GET" -> {
        Map<String, String> latest = latest(path);
        if (latest == null) {
          StubServer.send(ex, 404, Map.of("errors", List.of()));
          return;
        }
        StubServer.send(ex, 200, Map.of("data", Map.of("data", latest, "metadata", Map.of(
            "version", versions(path), "created_time", Instant.now().toString(),
            "deletion_time", "", "destroyed", false))));
      }
      case "POST", "PUT" -> write(ex, path, body);
      default -> StubServer.send(ex, 405, error("unsupported operation"));
    }
  }

  private void write(HttpExchange ex, String path, JsonNode body) throws IOException {
    if (body == null || !body.path("data").isObject()) {
      StubServer.send(ex, 400, error("no data provided"));
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (var e : body.path("data").properties()) {
      if (!e.getValue().isTextual()) {
        StubServer.send(ex, 400, error("stub expects string values; " + e.getKey() + " is " + e.getValue().getNodeType()));
        return;
      }
      values.put(e.getKey(), e.getValue().asText());
    }
    Map.Entry<String, String> race = races.remove(path);
    if (race != null) {
      put(path, race.getKey(), race.getValue());
    }
    JsonNode cas = body.path("options").path("cas");
    if (cas.isMissingNode() && casRequired) {
      StubServer.send(ex, 400, error("check-and-set parameter required for this call"));
      return;
    }
    List<Map<String, String>> versions = kv.computeIfAbsent(path, p -> new ArrayList<>());
    synchronized (versions) {
      if (!cas.isMissingNode() && cas.asLong(-1) != versions.size()) {
        StubServer.send(ex, 400, error("check-and-set parameter did not match the current version"));
        return;
      }
      everWritten.add(values);
      versions.add(values);
      StubServer.send(ex, 200, Map.of("data", Map.of("version", versions.size(),
          "created_time", Instant.now().toString(), "deletion_time", "", "destroyed", false)));
    }
  }

  /** {@code /v1/<mount>/config}: the mount's configuration; only cas_required is modelled. */
  void config(HttpExchange ex, String method, JsonNode body) throws IOException {
    switch (method) {
      case "GET" -> StubServer.send(ex, 200, Map.of("data", Map.of("cas_required", casRequired, "max_versions", 0,
          "delete_version_after", "0s")));
      case "POST", "PUT" -> {
        if (body != null && body.has("cas_required")) {
          casRequired = body.path("cas_required").asBoolean();
        }
        StubServer.send(ex, 204, null);
      }
      default -> StubServer.send(ex, 405, error("unsupported operation"));
    }
  }

  private static Map<String, List<String>> error(String message) {
    return Map.of("errors", List.of(message));
  }
}
