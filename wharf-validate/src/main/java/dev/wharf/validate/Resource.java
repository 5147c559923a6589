package dev.wharf.validate;

import java.util.Map;

/**
 * One Kubernetes object to validate: its content (as loaded from YAML: maps, lists, scalars),
 * the file it came from (relative to the validated directory) and the render it belongs to
 * (the entry-point kustomization, or the plain file itself). An object a chart rendered has an
 * {@code origin}; its file is then the HelmRelease's.
 */
public record Resource(Map<String, Object> content, ObjectRef ref, String file, String render, ChartOrigin origin) {

  /** Added to a fix for an object a chart rendered: where such a change goes. */
  static final String CHART_FIX = " For an object a chart renders, set this through the HelmRelease's spec.values (see the chart's "
      + "values.yaml) or, where the chart has no value for it, with a kustomize patch in spec.postRenderers.";

  public Resource(Map<String, Object> content, ObjectRef ref, String file, String render) {
    this(content, ref, file, render, null);
  }

  public static Resource of(Map<String, Object> content, String file, String render) {
    return new Resource(content, refOf(content), file, render);
  }

  public static ObjectRef refOf(Map<String, Object> content) {
    Map<String, Object> meta = Yamls.map(content.get("metadata"));
    return new ObjectRef(
        Yamls.string(content.get("apiVersion")),
        Yamls.string(content.get("kind")),
        Yamls.string(meta.get("namespace")),
        Yamls.string(meta.get("name")));
  }

  public String kind() {
    return ref.kind();
  }

  public Map<String, Object> metadata() {
    return Yamls.map(content.get("metadata"));
  }

  public Map<String, Object> annotations() {
    return Yamls.map(metadata().get("annotations"));
  }

  public Map<String, Object> labels() {
    return Yamls.map(metadata().get("labels"));
  }

  public Map<String, Object> spec() {
    return Yamls.map(content.get("spec"));
  }

  /**
   * A finding about this object. For a chart-rendered object it points at the HelmRelease's
   * line and says which release and template rendered it.
   */
  public Finding finding(String rule, String path, String message, String fix) {
    if (origin == null) {
      return new Finding(rule, file, ref, path, message, fix);
    }
    return new Finding(rule, file, ref, path, message + " (" + origin.describe() + ")", fix + CHART_FIX, origin.line());
  }
}
