package dev.wharf.validate.policy;

import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the pod template of built-in workloads and lists their containers with JSON paths. */
final class PodSpecs {
  private PodSpecs() {}

  private static final Set<String> TEMPLATED = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController");

  record Container(Map<String, Object> spec, String path, boolean init) {
    String name() {
      return Yamls.string(spec.get("name"));
    }
  }

  /** JSON path of the pod spec, or null when the object has none. */
  static String podSpecPath(Resource r) {
    String group = r.ref().group();
    if (!(group.isEmpty() || group.equals("apps") || group.equals("batch"))) {
      return null;
    }
    if (r.kind().equals("Pod")) {
      return "spec";
    }
    if (TEMPLATED.contains(r.kind())) {
      return "spec.template.spec";
    }
    if (r.kind().equals("CronJob")) {
      return "spec.jobTemplate.spec.template.spec";
    }
    return null;
  }

  static List<Container> containers(Resource r) {
    String path = podSpecPath(r);
    if (path == null) {
      return List.of();
    }
    Object pod = Yamls.at(r.content(), path.split("\\."));
    List<Container> out = new ArrayList<>();
    for (String field : List.of("initContainers", "containers")) {
      List<Object> list = Yamls.list(Yamls.map(pod).get(field));
      for (int i = 0; i < list.size(); i++) {
        out.add(new Container(Yamls.map(list.get(i)), path + "." + field + "[" + i + "]", field.equals("initContainers")));
      }
    }
    return out;
  }
}
