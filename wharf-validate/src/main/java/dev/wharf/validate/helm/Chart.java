package dev.wharf.validate.helm;

import java.util.List;
import java.util.Map;

/**
 * One chart as read from its archive: name and version from Chart.yaml, its default values
 * (values.yaml, empty when it has none or it does not load), the text of its other files
 * (templates, helpers, values.yaml itself: where values are referenced), the dependency
 * conditions and tags of Chart.yaml, and its subcharts under the values key each one reads
 * (its alias, else its name). {@code valuesProblem} says why values.yaml did not load (empty
 * when it did): the defaults are then unknown.
 */
public record Chart(
    String name,
    String version,
    Map<String, Object> values,
    String valuesProblem,
    List<String> texts,
    List<String> conditions,
    Map<String, Chart> subcharts) {

  /** True when the defaults of this chart and all its subcharts are known. */
  public boolean valuesKnown() {
    return valuesProblem.isEmpty() && subcharts.values().stream().allMatch(Chart::valuesKnown);
  }

  /** True when a template of this chart or of a subchart asks {@code .Capabilities.APIVersions}. */
  public boolean asksApiVersions() {
    return mentions("Capabilities.APIVersions");
  }

  /** True when a file of this chart or of a subchart contains {@code s}. */
  public boolean mentions(String s) {
    return texts.stream().anyMatch(t -> t.contains(s)) || subcharts.values().stream().anyMatch(c -> c.mentions(s));
  }
}
