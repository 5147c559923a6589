package dev.wharf.validate.helm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chart as read from its archive: name and version from Chart.yaml, its default values
 * (values.yaml, empty when it has none or it does not load), the text of its other files
 * (templates, helpers, values.yaml itself: where values are referenced), the dependency
 * conditions and tags of Chart.yaml, the API versions the CRDs in its crds/ directory serve
 * (helm's --api-versions form), and its subcharts under the values key each one reads (its
 * alias, else its name). {@code valuesProblem} says why values.yaml did not load (empty
 * when it did): the defaults are then unknown.
 */
public record Chart(
    String name,
    String version,
    Map<String, Object> values,
    String valuesProblem,
    List<String> texts,
    List<String> conditions,
    Set<String> crdApis,
    Map<String, Chart> subcharts) {
  private static final Pattern GROUP_VERSION = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+/v[0-9]+[a-z0-9]*");

  /** True when the defaults of this chart and all its subcharts are known. */
  public boolean valuesKnown() {
    return valuesProblem.isEmpty() && subcharts.values().stream().allMatch(Chart::valuesKnown);
  }

  /** True when a template of this chart or of a subchart asks {@code .Capabilities.APIVersions}. */
  public boolean asksApiVersions() {
    return texts.stream().anyMatch(t -> t.contains("Capabilities.APIVersions")) || subcharts.values().stream().anyMatch(Chart::asksApiVersions);
  }

  /** The CRD API versions of this chart's and its subcharts' crds/ directories. */
  public Set<String> allCrdApis() {
    Set<String> out = new TreeSet<>(crdApis);
    subcharts.values().forEach(c -> out.addAll(c.allCrdApis()));
    return out;
  }

  /** Every group/version ({@code monitoring.coreos.com/v1}) a template of this chart or a subchart names. */
  public Set<String> groupVersionsNamed() {
    Set<String> out = new TreeSet<>();
    for (String t : texts) {
      Matcher m = GROUP_VERSION.matcher(ValueReferences.actions(t));
      while (m.find()) {
        out.add(m.group());
      }
    }
    subcharts.values().forEach(c -> out.addAll(c.groupVersionsNamed()));
    return out;
  }
}
