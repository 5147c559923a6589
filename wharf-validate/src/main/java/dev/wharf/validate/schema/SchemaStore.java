package dev.wharf.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds and compiles the schema for an apiVersion/kind: CRDs found in the validated tree
 * first, then the configured sources in order. Compiled schemas are cached; safe to use from
 * several threads.
 */
public final class SchemaStore {
  private static final Pattern GROUP = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,250}[a-z0-9])?");
  private static final Pattern VERSION = Pattern.compile("v[0-9]+((alpha|beta)[0-9]+)?");
  private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,62}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<SchemaSource> sources;
  private final Map<Gvk, CompiledSchema> fromTree = new ConcurrentHashMap<>();
  private final Map<Gvk, Optional<CompiledSchema>> cache = new ConcurrentHashMap<>();
  private volatile Optional<SchemaNode> objectMeta;

  public SchemaStore(List<SchemaSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** Registers the schema of every version of a CustomResourceDefinition found in the tree. */
  public void addCrd(Resource crd) {
    Map<String, Object> spec = crd.spec();
    String group = Yamls.string(spec.get("group"));
    String kind = Yamls.string(Yamls.at(spec, "names", "kind"));
    for (Object v : Yamls.list(spec.get("versions"))) {
      Object schema = Yamls.at(v, "schema", "openAPIV3Schema");
      String version = Yamls.string(Yamls.map(v).get("name"));
      if (schema instanceof Map<?, ?> && !group.isEmpty() && !kind.isEmpty() && !version.isEmpty()) {
        JsonNode json = JSON.valueToTree(schema);
        fromTree.put(new Gvk(group, version, kind),
            new CompiledSchema(SchemaNode.compile(json), metaFor(json), "CRD " + crd.ref().name() + " in " + crd.file()));
      }
    }
  }

  /** The schema for {@code gvk}, or empty when no source has one. */
  public Optional<CompiledSchema> find(Gvk gvk) {
    CompiledSchema tree = fromTree.get(gvk);
    if (tree != null) {
      return Optional.of(tree);
    }
    if (!wellFormed(gvk)) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(gvk, this::load);
  }

  /** apiVersion and kind that can safely become part of a file name or URL. */
  public static boolean wellFormed(Gvk gvk) {
    return (gvk.group().isEmpty() || GROUP.matcher(gvk.group()).matches())
        && VERSION.matcher(gvk.version()).matches() && KIND.matcher(gvk.kind()).matches();
  }

  private Optional<CompiledSchema> load(Gvk gvk) {
    for (SchemaSource s : sources) {
      Optional<SchemaSource.Found> f = s.find(gvk);
      if (f.isPresent()) {
        JsonNode json = f.get().schema();
        return Optional.of(new CompiledSchema(SchemaNode.compile(json), metaFor(json), f.get().from()));
      }
    }
    return Optional.empty();
  }

  /**
   * CRD schemas leave metadata open or only restrict the name (the API server checks the rest
   * as ObjectMeta); check such metadata against ObjectMeta too.
   */
  private SchemaNode metaFor(JsonNode schema) {
    JsonNode meta = schema.path("properties").path("metadata");
    if (meta.path("properties").has("annotations")) {
      return null;
    }
    return objectMeta().orElse(null);
  }

  private Optional<SchemaNode> objectMeta() {
    Optional<SchemaNode> m = objectMeta;
    if (m == null) {
      m = Optional.empty();
      for (SchemaSource s : sources) {
        Optional<SchemaSource.Found> f = s.find(new Gvk("", "v1", "ConfigMap"));
        if (f.isPresent() && f.get().schema().path("properties").path("metadata").has("properties")) {
          m = Optional.of(SchemaNode.compile(f.get().schema().path("properties").path("metadata")));
          break;
        }
      }
      objectMeta = m;
    }
    return m;
  }
}
