package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/** pvc-storageclass: PVCs and volumeClaimTemplates name a StorageClass the platform has. */
final class PvcStorageClass implements Policy {
  static final String ID = "pvc-storageclass";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "PersistentVolumeClaims and volumeClaimTemplates name a StorageClass defined in the tree (or nas/san)";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    if (r.kind().equals("PersistentVolumeClaim") && r.ref().apiVersion().equals("v1")) {
      checkClass(r, r.spec().get("storageClassName"), "spec.storageClassName", ctx, out);
    } else if (r.kind().equals("StatefulSet") && r.ref().group().equals("apps")) {
      List<Object> templates = Yamls.list(r.spec().get("volumeClaimTemplates"));
      for (int i = 0; i < templates.size(); i++) {
        checkClass(r, Yamls.at(templates.get(i), "spec", "storageClassName"),
            "spec.volumeClaimTemplates[" + i + "].spec.storageClassName", ctx, out);
      }
    }
  }

  private static void checkClass(Resource r, Object value, String path, PolicyContext ctx, Consumer<Finding> out) {
    String cls = Yamls.string(value);
    if (cls.isEmpty()) {
      out.accept(r.finding(ID, path, "names no StorageClass, so the volume lands on whatever the cluster default is",
          "Set storageClassName to one of: " + known(ctx) + " (nas for shared files, san for block volumes)."));
    } else if (!ctx.storageClasses().contains(cls)) {
      out.accept(r.finding(ID, path, "StorageClass '" + cls + "' is not defined in the tree",
          "Use one of: " + known(ctx) + ", or add the StorageClass to the infrastructure configs."));
    }
  }

  /** Sorted for the message; built only when there is a finding, not for every volume. */
  private static String known(PolicyContext ctx) {
    return String.join(", ", new TreeSet<>(ctx.storageClasses()));
  }
}
