package dev.wharf.validate.helm;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import java.util.List;

/**
 * The outcome for one HelmRelease: its chart (null when it could not be had or read), the
 * values it was rendered with, what the chart knows of values, the objects rendered, and the
 * findings and notes about it.
 */
public record RenderedRelease(
    Resource release,
    ReleaseSpec spec,
    ChartRef ref,
    Chart chart,
    ReleaseValues values,
    KnownValues known,
    List<RenderedDoc> docs,
    List<Finding> findings,
    List<String> notes) {

  /** "chart 1.2.3" of the chart rendered, or the reference when there is none. */
  public String chartLabel() {
    return chart != null ? chart.name() + " " + chart.version() : ref != null ? ref.label() : "";
  }
}
