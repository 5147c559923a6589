package dev.wharf.validate.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.validate.ValidateException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A schema directory laid out as the offline schema set (../shared/schemas in CI): {@code kubernetes-v1.34/*.json}, each
 * indexed by the {@code x-kubernetes-group-version-kind} it declares (not by file name), and
 * {@code crds/<group>/<kind>_<version>.json}.
 */
public final class DirSchemaSource implements SchemaSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private final Map<Gvk, Path> kubernetes = new HashMap<>();

  public DirSchemaSource(Path dir) {
    this.dir = dir;
    if (!Files.isDirectory(dir)) {
      throw new ValidateException("--schema-dir " + dir + " is not a directory; point it at a directory with kubernetes-v<version>/ and crds/ (see docs/validate.md).");
    }
    try (DirectoryStream<Path> subdirs = Files.newDirectoryStream(dir, p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("kubernetes"))) {
      for (Path sub : subdirs) {
        index(sub);
      }
    } catch (IOException e) {
      throw new ValidateException("cannot read --schema-dir " + dir + ": " + e.getMessage(), e);
    }
    if (kubernetes.isEmpty() && !Files.isDirectory(dir.resolve("crds"))) {
      throw new ValidateException("--schema-dir " + dir + " holds neither kubernetes-*/ schemas nor crds/; point it at the schema directory (for example ../shared/schemas).");
    }
  }

  private void index(Path sub) throws IOException {
    JsonFactory factory = JSON.getFactory();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(sub, "*.json")) {
      for (Path f : files) {
        try (JsonParser p = factory.createParser(f.toFile())) {
          readGvks(p, f);
        } catch (IOException e) {
          // a broken file is only a problem when its kind is needed; it then shows as missing
        }
      }
    }
  }

  /** Streams the top level of one schema file, reading only x-kubernetes-group-version-kind. */
  private void readGvks(JsonParser p, Path f) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if ("x-kubernetes-group-version-kind".equals(name)) {
        JsonNode gvks = JSON.readTree(p);
        for (JsonNode g : gvks.isArray() ? gvks : JSON.createArrayNode().add(gvks)) {
          kubernetes.putIfAbsent(new Gvk(g.path("group").asText(), g.path("version").asText(), g.path("kind").asText()), f);
        }
      } else {
        p.skipChildren();
      }
    }
  }

  @Override
  public Optional<Found> find(Gvk gvk) {
    Path f = kubernetes.get(gvk);
    if (f == null && !gvk.group().isEmpty()) {
      f = dir.resolve("crds").resolve(gvk.group()).resolve(gvk.kind().toLowerCase(Locale.ROOT) + "_" + gvk.version() + ".json");
    }
    if (f == null || !Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Found(JSON.readTree(f.toFile()), f.toString()));
    } catch (IOException e) {
      throw new ValidateException("schema file " + f + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}
