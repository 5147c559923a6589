package dev.wharf.validate;

import java.util.Map;

/**
 * One Kubernetes object to validate: its content (as loaded from YAML: maps, lists, scalars),
 * the file it came from (relative to the validated directory) and the render it belongs to
 * (the entry-point kustomization, or the plain file itself).
 */
public record Resource(Map<String, Object> content, ObjectRef ref, String file, String render) {

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

  public Finding finding(String rule, String path, String message, String fix) {
    return new Finding(rule, file, ref, path, message, fix);
  }
}
