package dev.wharf.validate;

/**
 * Where a chart-rendered object comes from: the HelmRelease ({@code release}, at {@code line}
 * of its file), the chart and version, and the template that rendered it.
 */
public record ChartOrigin(ObjectRef release, String chart, String template, int line) {

  /** Said after a finding's message, so it names the release and template as well as the object. */
  public String describe() {
    return "rendered by " + release + " from chart " + chart + (template.isEmpty() ? "" : ", " + template);
  }
}
