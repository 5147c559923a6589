package dev.wharf.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * kstatus's documented rules for a custom resource (sigs.k8s.io/cli-utils pkg/kstatus, what
 * Flux's kustomize-controller reads for {@code wait: true} and health checks), applied to the
 * object as the API server would return it. A type kstatus has no rules of its own for is:
 * Terminating while it has a deletionTimestamp; InProgress while status.observedGeneration
 * is set and differs from metadata.generation; then, by its conditions in order, InProgress at
 * the first {@code Reconciling=True} or Failed at the first {@code Stalled=True}; otherwise
 * Current. A Ready condition alone is not read: Ready=False without Stalled is Current.
 */
public final class Kstatus {
  public enum Status { CURRENT, IN_PROGRESS, FAILED, TERMINATING }

  private Kstatus() {}

  @SuppressWarnings("unchecked")
  public static Status compute(HasMetadata object) {
    Map<String, Object> u = Serialization.jsonMapper().convertValue(object, Map.class);
    Map<String, Object> meta = (Map<String, Object>) u.getOrDefault("metadata", Map.of());
    if (meta.get("deletionTimestamp") != null) {
      return Status.TERMINATING;
    }
    Map<String, Object> status = (Map<String, Object>) u.get("status");
    if (status == null) {
      return Status.CURRENT;
    }
    Object observed = status.get("observedGeneration");
    if (observed != null && !Objects.equals(number(observed), number(meta.get("generation")))) {
      return Status.IN_PROGRESS;
    }
    for (Map<String, Object> c : (List<Map<String, Object>>) status.getOrDefault("conditions", List.of())) {
      if ("Reconciling".equals(c.get("type")) && "True".equals(c.get("status"))) {
        return Status.IN_PROGRESS;
      }
      if ("Stalled".equals(c.get("type")) && "True".equals(c.get("status"))) {
        return Status.FAILED;
      }
    }
    return Status.CURRENT;
  }

  private static Long number(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }
}
