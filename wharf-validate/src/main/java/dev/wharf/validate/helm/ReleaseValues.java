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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A HelmRelease's values as helm-controller composes them (fluxcd/pkg chartutil
 * ChartValuesFromReferences): each {@code valuesFrom} in order, merged or set at its
 * {@code targetPath}, then {@code spec.values} on top. A ConfigMap or Secret in the tree is
 * read; one that only exists at run time (made by External Secrets, say) is noted, never
 * guessed. When such a one sets a {@code targetPath}, the cluster never uses the chart's
 * default there, so the chart is rendered with a plain placeholder at that path instead (not
 * where the default is a number, boolean, list or map: that default stays).
 */
public final class ReleaseValues {
  /** Where a set of values came from: {@code path} in the HelmRelease, and its values. */
  public record Source(String path, String label, Map<String, Object> values) {}

  /**
   * One valuesFrom entry or spec.values; {@code runtime}: a placeholder at {@code targetPath}
   * for what only the cluster has ({@code about}: the note's start, naming the object).
   */
  private record Layer(Source source, boolean runtime, String targetPath, String about) {
    String placedNote() {
      return about + "; rendered with a placeholder at " + targetPath + " instead of the chart's default";
    }

    String defaultNote() {
      return about + "; rendered with the chart's default at " + targetPath + " (not a string, so no placeholder)";
    }
  }

  private final List<Layer> layers;
  private final List<Finding> findings;
  private final List<String> notes;

  private ReleaseValues(List<Layer> layers, List<Finding> findings, List<String> notes) {
    this.layers = layers;
    this.findings = findings;
    this.notes = notes;
  }

  /** The values that are in git: every valuesFrom read from the tree, then spec.values. */
  public Map<String, Object> merged() {
    return merge(layers.stream().filter(l -> !l.runtime()).toList());
  }

  /** What helm renders with: {@link #merged()} plus a placeholder where a run-time valuesFrom sets a targetPath. */
  public Map<String, Object> rendered() {
    return merge(layers);
  }

  /** spec.values, each valuesFrom read from the tree, and each run-time targetPath, for the unknown-keys check. */
  public List<Source> sources() {
    List<Source> out = new ArrayList<>();
    out.add(layers.get(layers.size() - 1).source());
    layers.subList(0, layers.size() - 1).forEach(l -> out.add(l.source()));
    return out;
  }

  public List<Finding> findings() {
    return findings;
  }

  public List<String> notes() {
    return notes;
  }

  /**
   * The same values for a chart with these defaults: a run-time placeholder stays only where
   * the default is a string or absent; elsewhere the default is rendered, and the note says so.
   */
  public ReleaseValues fitTo(Map<String, Object> defaults) {
    List<Layer> kept = new ArrayList<>();
    List<String> fitted = new ArrayList<>(notes);
    for (Layer l : layers) {
      Object def = l.runtime() ? Yamls.at(defaults, TargetPath.keysOf(l.targetPath()).toArray(String[]::new)) : null;
      if (def == null || def instanceof String) {
        kept.add(l);
      } else {
        fitted.set(fitted.indexOf(l.placedNote()), l.defaultNote());
      }
    }
    return new ReleaseValues(kept, findings, fitted);
  }

  public static ReleaseValues of(Resource hr, TreeObjects tree) {
    List<Layer> layers = new ArrayList<>();
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
      String targetPath = Yamls.string(ref.get("targetPath"));
      String ns = hr.ref().namespace();
      String label = kind + " " + ns + "/" + name + " key " + key;
      Optional<Resource> obj = kind.equals("ConfigMap") || kind.equals("Secret") ? tree.find("", kind, ns, name, hr) : Optional.empty();
      if (obj.isEmpty()) {
        String note = runtimeNote(hr, label, kind, ns, name, optional, tree);
        Map<String, Object> one = new LinkedHashMap<>();
        if (targetPath.isEmpty() || TargetPath.set(one, targetPath, placeholder(kind, name, key), true) != null) {
          notes.add(note + "; rendered without it");
        } else {
          Layer placed = new Layer(new Source(path + ".targetPath", label + " (made at run time)", one), true, targetPath, note);
          layers.add(placed);
          notes.add(placed.placedNote());
        }
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
      if (!targetPath.isEmpty()) {
        Map<String, Object> one = new LinkedHashMap<>();
        String why = TargetPath.set(one, targetPath, data.get(), Boolean.TRUE.equals(ref.get("literal")));
        if (why != null) {
          findings.add(hr.finding(Rules.HELM_VALUES_FROM, path + ".targetPath", why, "Write the targetPath as dotted keys and quote values that hold commas."));
          continue;
        }
        layers.add(new Layer(new Source(path, label, one), false, "", ""));
        continue;
      }
      try {
        List<Object> docs = new SafeYaml(ChartRenderer.MAX_OUTPUT).loadAll(data.get());
        Map<String, Object> values = docs.isEmpty() ? Map.of() : Yamls.map(docs.get(0));
        if (!docs.isEmpty() && !(docs.get(0) instanceof Map<?, ?>)) {
          findings.add(hr.finding(Rules.HELM_VALUES_FROM, path, label + " is not a YAML map of values", "Put a YAML map of chart values under the key."));
          continue;
        }
        layers.add(new Layer(new Source(path, label, values), false, "", ""));
      } catch (YamlProblem e) {
        findings.add(hr.finding(Rules.HELM_VALUES_FROM, path, label + " does not load as YAML: " + e.getMessage(), "Fix the YAML under that key."));
      }
    }
    layers.add(new Layer(new Source("spec.values", "spec.values", Yamls.map(hr.spec().get("values"))), false, "", ""));
    return new ReleaseValues(layers, findings, notes);
  }

  /**
   * What stands in for a value only the cluster has: plainly not a real one, and made only of
   * letters, digits and dashes so that it fits wherever a chart puts a password or a name.
   */
  static String placeholder(String kind, String name, String key) {
    return ("placeholder-" + kind + "-" + name + "-" + key).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static Map<String, Object> merge(List<Layer> layers) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Layer l : layers) {
      out = merge(out, l.source().values());
    }
    return out;
  }

  private static String runtimeNote(Resource hr, String label, String kind, String ns, String name, boolean optional, TreeObjects tree) {
    String maker = kind.equals("Secret") ? tree.secretMaker(ns, name).map(m -> "made at run time by " + m.kind() + " " + m.ref().namespace()
        + "/" + m.ref().name()).orElse("") : "";
    String why = !maker.isEmpty() ? maker : optional ? "optional and not in the tree" : "not in the tree: it must exist in the cluster when Flux reconciles";
    return hr.ref() + ": valuesFrom " + label + " is " + why;
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
