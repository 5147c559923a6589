package dev.wharf.validate.policy.pss;

import dev.wharf.validate.Yamls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod as the controls read it: its spec and metadata with their JSON paths in the object,
 * and every container (init, regular and ephemeral, as Pod Security admission visits them).
 */
public record Pod(Map<String, Object> spec, String specPath, Map<String, Object> metadata, String metadataPath, List<Container> containers) {

  /** One container and the JSON path of its entry. */
  public record Container(String name, Map<String, Object> spec, String path) {
    Object security(String... keys) {
      return Yamls.at(Yamls.map(spec.get("securityContext")), keys);
    }
  }

  public static Pod of(Map<String, Object> spec, String specPath, Map<String, Object> metadata, String metadataPath) {
    List<Container> containers = new ArrayList<>();
    for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
      List<Object> list = Yamls.list(spec.get(field));
      for (int i = 0; i < list.size(); i++) {
        Map<String, Object> c = Yamls.map(list.get(i));
        containers.add(new Container(Yamls.string(c.get("name")), c, specPath + "." + field + "[" + i + "]"));
      }
    }
    return new Pod(spec, specPath, metadata, metadataPath, containers);
  }

  /** A field of the pod-level securityContext. */
  Object security(String... keys) {
    return Yamls.at(Yamls.map(spec.get("securityContext")), keys);
  }

  /** Pod Security admission exempts Windows pods from the Linux-only restricted controls (v1.25+). */
  boolean windows(int minor) {
    return minor >= 25 && "windows".equals(Yamls.at(spec, "os", "name"));
  }

  static String describe(Container c) {
    return "container '" + c.name() + "'";
  }
}
