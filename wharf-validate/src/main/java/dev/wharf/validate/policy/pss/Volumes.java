package dev.wharf.validate.policy.pss;

import dev.wharf.validate.Yamls;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Baseline: no hostPath volumes. Restricted (replacing it): only the volume types that cannot reach the node. */
final class Volumes implements Control {
  private static final Set<String> RESTRICTED_ALLOWED = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image",
      "persistentVolumeClaim", "projected", "secret");

  @Override
  public void check(Pod pod, Level level, int minor, List<Violation> out) {
    List<Object> volumes = Yamls.list(pod.spec().get("volumes"));
    for (int i = 0; i < volumes.size(); i++) {
      Map<String, Object> v = Yamls.map(volumes.get(i));
      String name = Yamls.string(v.get("name"));
      String path = pod.specPath() + ".volumes[" + i + "]";
      if (level == Level.RESTRICTED) {
        String type = v.keySet().stream().filter(k -> !k.equals("name") && v.get(k) != null).findFirst().orElse("");
        if (!RESTRICTED_ALLOWED.contains(type)) {
          out.add(new Violation("Volume Types", Level.RESTRICTED, type.isEmpty() ? path : path + "." + type,
              "volume '" + name + "' is of type " + (type.isEmpty() ? "(none)" : type) + ", which restricted does not allow",
              "Use a PersistentVolumeClaim (or configMap, secret, emptyDir, projected, downwardAPI, csi, ephemeral, image) instead."));
        }
      } else if (v.get("hostPath") != null) {
        out.add(new Violation("HostPath Volumes", Level.BASELINE, path + ".hostPath", "volume '" + name + "' mounts a path of the node",
            "Use a PersistentVolumeClaim or emptyDir; a node agent that needs host paths belongs in a namespace labelled pod-security.kubernetes.io/enforce: privileged."));
      }
    }
  }
}
