package dev.wharf.validate.helm;

import dev.wharf.validate.Yamls;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which values keys a chart knows, for {@code helm-values-unknown}. A key is known when the
 * chart's defaults (its values.yaml and its subcharts', under their keys) have it, or a
 * template reads it or something below it. Below a key the chart takes whole (a template reads
 * exactly that path: {@code toYaml}, {@code with}, {@code range}, {@code index}), whose default
 * is an empty map or null, or whose default is not a map at all, anything goes.
 */
public final class KnownValues {
  private final Map<String, Object> defaults;
  /** Every path a template reads, and every prefix of one. */
  private final Set<List<String>> read = new HashSet<>();
  /** Paths a template reads exactly. */
  private final Set<List<String>> whole = new HashSet<>();
  /** Paths of either kind with a {@link ValueReferences#ANY} element (a key chosen at render time). */
  private final List<List<String>> readAny = new ArrayList<>();
  private final List<List<String>> wholeAny = new ArrayList<>();
  private ValueReferences references;

  private KnownValues(Map<String, Object> defaults) {
    this.defaults = defaults;
  }

  public static KnownValues of(Chart chart) {
    KnownValues k = new KnownValues(new LinkedHashMap<>());
    List<String> texts = new ArrayList<>();
    collectTexts(chart, texts);
    k.references = new ValueReferences(texts); // named templates are global across a chart and its subcharts
    k.add(chart, List.of());
    return k;
  }

  private void add(Chart chart, List<String> at) {
    Map<String, Object> here = at.isEmpty() ? defaults : mapAt(at);
    merge(here, chart.values());
    for (String text : chart.texts()) {
      for (List<String> path : references.in(text)) {
        reads(path.isEmpty() || !path.get(0).equals("global") ? concat(at, path) : path);
      }
    }
    for (String condition : chart.conditions()) {
      reads(concat(at, List.of(condition.split("\\."))));
    }
    for (Map.Entry<String, Chart> sub : chart.subcharts().entrySet()) {
      Chart child = sub.getValue();
      // A subchart's globals are the parent's globals.
      Object global = child.values().get("global");
      if (global instanceof Map<?, ?> g) {
        merge(mapAt(List.of("global")), Yamls.map(g));
      }
      Map<String, Object> withoutGlobal = new LinkedHashMap<>(child.values());
      withoutGlobal.remove("global");
      add(new Chart(child.name(), child.version(), withoutGlobal, child.valuesProblem(), child.texts(), child.conditions(),
          child.subcharts()), concat(at, List.of(sub.getKey())));
    }
  }

  private static void collectTexts(Chart chart, List<String> out) {
    out.addAll(chart.texts());
    chart.subcharts().values().forEach(c -> collectTexts(c, out));
  }

  private void reads(List<String> path) {
    boolean any = path.contains(ValueReferences.ANY);
    if (any) {
      wholeAny.add(path);
    } else {
      whole.add(path);
    }
    for (int i = 1; i <= path.size(); i++) {
      List<String> prefix = path.subList(0, i);
      if (prefix.contains(ValueReferences.ANY)) {
        readAny.add(prefix);
      } else {
        read.add(prefix);
      }
    }
  }

  private boolean isWhole(List<String> p) {
    return whole.contains(p) || wholeAny.stream().anyMatch(w -> like(w, p));
  }

  private boolean isRead(List<String> p) {
    return read.contains(p) || readAny.stream().anyMatch(w -> like(w, p));
  }

  private static boolean like(List<String> pattern, List<String> p) {
    if (pattern.size() != p.size()) {
      return false;
    }
    for (int i = 0; i < p.size(); i++) {
      if (!pattern.get(i).equals(ValueReferences.ANY) && !pattern.get(i).equals(p.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Paths of {@code values} (as merged for the release) that the chart does not know. */
  public List<List<String>> unknown(Map<String, Object> values) {
    List<List<String>> out = new ArrayList<>();
    walk(values, List.of(), defaults, true, out);
    return out;
  }

  /** The keys the chart knows directly under {@code parent}, for a "did you mean" hint. */
  public Set<String> keysUnder(List<String> parent) {
    Set<String> out = new java.util.TreeSet<>();
    Object d = defaults;
    for (String k : parent) {
      d = Yamls.map(d).get(k);
    }
    out.addAll(Yamls.map(d).keySet());
    for (List<String> p : read) {
      if (p.size() == parent.size() + 1 && p.subList(0, parent.size()).equals(parent)) {
        out.add(p.get(parent.size()));
      }
    }
    return out;
  }

  private void walk(Map<String, Object> user, List<String> at, Object defaultsHere, boolean inDefaults, List<List<String>> out) {
    for (Map.Entry<String, Object> e : user.entrySet()) {
      List<String> p = concat(at, List.of(String.valueOf(e.getKey())));
      if (isWhole(p)) {
        continue;
      }
      Map<String, Object> d = Yamls.map(defaultsHere);
      boolean hasDefault = inDefaults && defaultsHere instanceof Map<?, ?> && d.containsKey(e.getKey());
      if (!hasDefault && !isRead(p)) {
        out.add(p);
        continue;
      }
      if (!(e.getValue() instanceof Map<?, ?> child) || child.isEmpty()) {
        continue;
      }
      if (!hasDefault) {
        walk(Yamls.map(child), p, null, false, out); // read below, but not a default: what is read is known
        continue;
      }
      Object def = d.get(e.getKey());
      if (def instanceof Map<?, ?> dm && !dm.isEmpty()) {
        walk(Yamls.map(child), p, def, true, out);
      }
      // null, {} or a non-map default: the chart gives the key no structure to check against
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> mapAt(List<String> path) {
    Map<String, Object> cur = defaults;
    for (String k : path) {
      if (!(cur.get(k) instanceof Map<?, ?>)) {
        cur.put(k, new LinkedHashMap<String, Object>());
      }
      cur = (Map<String, Object>) cur.get(k);
    }
    return cur;
  }

  /**
   * Deep union into maps this object owns: maps merge; otherwise what {@code into} already has
   * wins (the parent chart's value over its subchart's). What is copied in is copied deeply.
   */
  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> from) {
    for (Map.Entry<String, Object> e : from.entrySet()) {
      String k = String.valueOf(e.getKey());
      Object have = into.get(k);
      if (have instanceof Map<?, ?> && e.getValue() instanceof Map<?, ?> f) {
        merge((Map<String, Object>) have, (Map<String, Object>) f);
      } else if (!into.containsKey(k)) {
        into.put(k, copy(e.getValue()));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      merge(out, (Map<String, Object>) m);
      return out;
    }
    return v;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
