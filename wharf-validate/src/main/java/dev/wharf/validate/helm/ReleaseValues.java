package dev.wharf.validate.helm;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Rules;
import dev.wharf.validate.Yamls;
import dev.wharf.validate.yaml.SafeYaml;
import dev.wharf.validate.yaml.YamlProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A HelmRelease's values as helm-controller composes them (fluxcd/pkg chartutil
 * ChartValuesFromReferences): each {@code valuesFrom} in order, merged or set at its
 * {@code targetPath}, then {@code spec.values} on top. A ConfigMap or Secret in the tree is
 * read; one that only exists at run time (made by External Secrets, say) is skipped and noted,
 * never guessed.
 */
public final class ReleaseValues {
  /** Where a set of values came from: {@code path} in the HelmRelease, and its values. */
  public record Source(String path, String label, Map<String, Object> values) {}

  private final Map<String, Object> merged;
  private final List<Source> sources;
  private final List<Finding> findings;
  private final List<String> notes;

  private ReleaseValues(Map<String, Object> merged, List<Source> sources, List<Finding> findings, List<String> notes) {
    this.merged = merged;
    this.sources = sources;
    this.findings = findings;
    this.notes = notes;
  }

  public Map<String, Object> merged() {
    return merged;
  }

  /** spec.values and each valuesFrom read from the tree, for the unknown-keys check. */
  public List<Source> sources() {
    return sources;
  }

  public List<Finding> findings() {
    return findings;
  }

  public List<String> notes() {
    return notes;
  }

  public static ReleaseValues of(Resource hr, TreeObjects tree) {
    Map<String, Object> result = new LinkedHashMap<>();
    List<Source> sources = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Object> refs = Yamls.list(hr.spec().get("valuesFrom"));
    for (int i = 0; i < refs.size(); i++) {
      Map<String, Object> ref = Yamls.map(refs.get(i));
      String path = "spec.valuesFrom[" + i + "]";
      String kind = Yamls.string(ref.get("kind"));
      String name = Yamls.string(ref.get("name"));
      String key = Yamls.string(ref.get("valuesKey"));
      key = key.isEmpty() ? "values.yaml" : key;
      boolean optional = Boolean.TRUE.equals(ref.get("optional"));
      String ns = hr.ref().namespace();
      String label = kind + " " + ns + "/" + name + " key " + key;
      Optional<Resource> obj = kind.equals("ConfigMap") || kind.equals("Secret") ? tree.find("", kind, ns, name, hr) : Optional.empty();
      if (obj.isEmpty()) {
        notes.add(runtimeNote(hr, label, kind, ns, name, optional, tree));
        continue;
      }
      Optional<String> data = data(obj.get(), key);
      if (data.isEmpty()) {
        if (!optional) {
          findings.add(hr.finding(Rules.HELM_VALUES_FROM, path, label + " is in the tree but has no key '" + key + "', so Flux fails the release",
              "Add the key to " + kind + " " + name + ", fix valuesKey, or mark the reference optional: true."));
        }
        continue;
      }
      String targetPath = Yamls.string(ref.get("targetPath"));
      if (!targetPath.isEmpty()) {
        Map<String, Object> one = new LinkedHashMap<>();
        String why = TargetPath.set(one, targetPath, data.get(), Boolean.TRUE.equals(ref.get("literal")));
        if (why != null) {
          findings.add(hr.finding(Rules.HELM_VALUES_FROM, path + ".targetPath", why, "Write the targetPath as dotted keys and quote values that hold commas."));
          continue;
        }
        result = merge(result, one);
        sources.add(new Source(path, label, one));
        continue;
      }
      try {
        List<Object> docs = new SafeYaml(ChartRenderer.MAX_OUTPUT).loadAll(data.get());
        Map<String, Object> values = docs.isEmpty() ? Map.of() : Yamls.map(docs.get(0));
        if (!docs.isEmpty() && !(docs.get(0) instanceof Map<?, ?>)) {
          findings.add(hr.finding(Rules.HELM_VALUES_FROM, path, label + " is not a YAML map of values", "Put a YAML map of chart values under the key."));
          continue;
        }
        result = merge(result, values);
        sources.add(new Source(path, label, values));
      } catch (YamlProblem e) {
        findings.add(hr.finding(Rules.HELM_VALUES_FROM, path, label + " does not load as YAML: " + e.getMessage(), "Fix the YAML under that key."));
      }
    }
    Map<String, Object> inline = Yamls.map(hr.spec().get("values"));
    sources.add(0, new Source("spec.values", "spec.values", inline));
    return new ReleaseValues(merge(result, inline), sources, findings, notes);
  }

  private static String runtimeNote(Resource hr, String label, String kind, String ns, String name, boolean optional, TreeObjects tree) {
    String maker = kind.equals("Secret") ? tree.secretMaker(ns, name).map(m -> "made at run time by " + m.kind() + " " + m.ref().namespace()
        + "/" + m.ref().name()).orElse("") : "";
    String why = !maker.isEmpty() ? maker : optional ? "optional and not in the tree" : "not in the tree: it must exist in the cluster when Flux reconciles";
    return "HelmRelease " + hr.ref() + ": valuesFrom " + label + " is " + why + "; rendered without it";
  }

  /** The text under {@code key}: ConfigMap data, Secret stringData or base64 data. */
  private static Optional<String> data(Resource obj, String key) {
    Object plain = Yamls.map(obj.content().get(obj.kind().equals("Secret") ? "stringData" : "data")).get(key);
    if (plain != null) {
      return Optional.of(Yamls.string(plain));
    }
    Object encoded = obj.kind().equals("Secret") ? Yamls.map(obj.content().get("data")).get(key) : null;
    if (encoded == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new String(Base64.getMimeDecoder().decode(Yamls.string(encoded)), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** fluxcd/pkg chartutil.MergeMaps: b over a, maps merged key by key; a new map, inputs untouched. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    for (Map.Entry<String, Object> e : b.entrySet()) {
      String k = String.valueOf(e.getKey());
      if (e.getValue() instanceof Map<?, ?> bm && out.get(k) instanceof Map<?, ?> am) {
        out.put(k, merge((Map<String, Object>) am, (Map<String, Object>) bm));
      } else {
        out.put(k, e.getValue());
      }
    }
    return out;
  }
}
