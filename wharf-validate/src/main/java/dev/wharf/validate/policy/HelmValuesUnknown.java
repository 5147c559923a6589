package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.JsonPaths;
import dev.wharf.validate.Resource;
import dev.wharf.validate.helm.ChartStage;
import dev.wharf.validate.helm.KnownValues;
import dev.wharf.validate.helm.ReleaseValues;
import dev.wharf.validate.helm.RenderedRelease;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * helm-values-unknown: every key of a HelmRelease's values is one its chart knows (see
 * {@link KnownValues} for what counts, and where anything goes). Helm ignores the others
 * without a word, so a typo or a key from another chart version silently does nothing.
 */
final class HelmValuesUnknown implements Policy {
  static final String ID = "helm-values-unknown";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "HelmRelease values only use keys the chart knows (its defaults, or what its templates read)";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    if (!ChartStage.isHelmRelease(r)) {
      return;
    }
    Optional<RenderedRelease> rr = ctx.release(r);
    if (rr.isEmpty() || rr.get().known() == null || !rr.get().chart().valuesKnown()) {
      return;
    }
    KnownValues known = rr.get().known();
    String chart = rr.get().chartLabel();
    for (ReleaseValues.Source source : rr.get().values().sources()) {
      for (List<String> key : known.unknown(source.values())) {
        String dotted = String.join(".", key);
        String hint = JsonPaths.suggestion(key.get(key.size() - 1), known.keysUnder(key.subList(0, key.size() - 1)));
        boolean inline = source.path().equals("spec.values");
        String path = inline ? pathOf(key) : source.path();
        out.accept(r.finding(ID, path, "values key " + dotted + (inline ? "" : " (from " + source.label() + ")") + " is not a value of chart "
            + chart + hint + ": helm ignores it", "Check the key against the chart's values.yaml (helm show values " + rr.get().chart().name()
            + " --version " + rr.get().chart().version() + "): fix its spelling or nesting, or remove it. If the chart does read it in a way "
            + "this check cannot see, exempt the HelmRelease: validate.wharf.dev/exempt-" + ID + ": \"<why>\"."));
      }
    }
  }

  private static String pathOf(List<String> key) {
    String p = "spec.values";
    for (String k : key) {
      p = JsonPaths.child(p, k);
    }
    return p;
  }
}
