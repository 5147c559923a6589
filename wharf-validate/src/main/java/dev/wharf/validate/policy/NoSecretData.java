package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import dev.wharf.validate.helm.Chart;
import dev.wharf.validate.helm.RenderedRelease;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * no-secret-data: no Secret with values in git; secrets come from OpenBao through ESO. A Secret
 * a chart renders is different: what the chart generates is not in git. It is flagged when it
 * carries a secret-named value of the release's values (which are in git) or a chart default
 * one (publicly known).
 */
final class NoSecretData implements Policy {
  static final String ID = "no-secret-data";
  /** Values keys that hold a secret itself (adminPassword, clientSecret, token), not a reference to one. */
  private static final Pattern SECRET_KEY = Pattern.compile("(?i)(password|passwd|secret|token|apikey|api_key|privatekey|private_key|credentials?)$");
  private static final int MIN_LENGTH = 6;
  private static final int EMBEDDED_LENGTH = 12;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "no Secret with data or stringData in git (use an ExternalSecret backed by OpenBao)";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    if (!r.kind().equals("Secret") || !r.ref().apiVersion().equals("v1")) {
      return;
    }
    if (r.origin() != null) {
      ctx.renderedBy(r).ifPresent(rr -> checkRendered(r, rr, out));
      return;
    }
    for (String field : new String[] {"data", "stringData"}) {
      if (!Yamls.map(r.content().get(field)).isEmpty()) {
        out.accept(r.finding(ID, field, "Secret carries values in git (" + field + ", " + Yamls.map(r.content().get(field)).size() + " keys; values not shown)",
            "Remove the Secret, store the values in OpenBao and deliver them with an ExternalSecret (External Secrets Operator). Rotate the values: they are in git history."));
      }
    }
  }

  private static void checkRendered(Resource r, RenderedRelease rr, Consumer<Finding> out) {
    Map<String, String> data = decoded(r);
    Map<String, String> fromGit = new LinkedHashMap<>();
    secrets(rr.values().merged(), "", fromGit);
    Map<String, String> defaults = new LinkedHashMap<>();
    if (rr.chart() != null) {
      chartDefaults(rr.chart(), "", defaults);
    }
    for (Map.Entry<String, String> d : data.entrySet()) {
      Optional<String> git = carried(d.getValue(), fromGit);
      if (git.isPresent()) {
        out.accept(r.finding(ID, "data[\"" + d.getKey() + "\"]", "Secret key " + d.getKey() + " carries values." + git.get()
            + " of the HelmRelease, whose values are in git (value not shown)", "Keep the value in OpenBao: point the chart at a Secret an "
            + "ExternalSecret delivers (its existing-secret option), or give it through valuesFrom a Secret made by External Secrets. "
            + "Rotate the value: it is in git history."));
      } else {
        carried(d.getValue(), defaults).ifPresent(key -> out.accept(r.finding(ID, "data[\"" + d.getKey() + "\"]", "Secret key " + d.getKey()
            + " carries the chart's default " + key + ", a publicly known value (not shown)", "Point the chart at a Secret an ExternalSecret "
            + "delivers from OpenBao (its existing-secret option) or set a value the chart generates, so the default is never used.")));
      }
    }
  }

  /**
   * The values key whose secret {@code value} is, or (for a value long enough not to turn up by
   * chance, like a password inside a config file) contains.
   */
  private static Optional<String> carried(String value, Map<String, String> secrets) {
    return secrets.entrySet().stream().filter(s -> value.equals(s.getValue())).map(Map.Entry::getKey).findFirst()
        .or(() -> secrets.entrySet().stream().filter(s -> s.getValue().length() >= EMBEDDED_LENGTH && value.contains(s.getValue()))
            .map(Map.Entry::getKey).findFirst());
  }

  /** data (base64-decoded) and stringData of a Secret, by key. */
  private static Map<String, String> decoded(Resource r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : Yamls.map(r.content().get("data")).entrySet()) {
      try {
        out.put(e.getKey(), new String(Base64.getMimeDecoder().decode(Yamls.string(e.getValue())), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException notBase64) {
        out.put(e.getKey(), Yamls.string(e.getValue())); // the schema check reports it
      }
    }
    Yamls.map(r.content().get("stringData")).forEach((k, v) -> out.put(k, Yamls.string(v)));
    return out;
  }

  /** String values under secret-named keys (not existing-secret references), by dotted path. */
  private static void secrets(Object node, String path, Map<String, String> out) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        String p = path.isEmpty() ? key : path + "." + key;
        if (e.getValue() instanceof String s && SECRET_KEY.matcher(key).find() && !key.toLowerCase().startsWith("existing")
            && s.length() >= MIN_LENGTH) {
          out.put(p, s);
        } else {
          secrets(e.getValue(), p, out);
        }
      }
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        secrets(l.get(i), path + "[" + i + "]", out);
      }
    }
  }

  private static void chartDefaults(Chart chart, String at, Map<String, String> out) {
    secrets(chart.values(), at, out);
    for (Map.Entry<String, Chart> sub : chart.subcharts().entrySet()) {
      chartDefaults(sub.getValue(), at.isEmpty() ? sub.getKey() : at + "." + sub.getKey(), out);
    }
  }
}
