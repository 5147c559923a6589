package dev.wharf.validate.policy;

import dev.wharf.validate.ValidateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All platform policies, in report order, and the parsing of --policies. */
public final class Policies {
  private Policies() {}

  private static final Map<String, Policy> ALL = new LinkedHashMap<>();

  static {
    for (Policy p : List.of(new ImagePinned(), new ImageRegistry(), new ResourcesSet(), new ProbesPresent(),
        new NoSecretData(), new PvcStorageClass(), new TenantDefaultDeny(), new HelmRemediation(), new FluxDependsOn(), new HelmValuesUnknown(),
        new PodSecurity(), new CanaryRefs())) {
      ALL.put(p.id(), p);
    }
  }

  private static final String CHOICES = "use all, none or a comma-separated list of: " + String.join(", ", ALL.keySet());

  public static List<Policy> all() {
    return List.copyOf(ALL.values());
  }

  public static boolean exists(String id) {
    return ALL.containsKey(id);
  }

  /** {@code all}, {@code none} or a comma-separated list of ids. */
  public static List<Policy> select(String spec) {
    String s = spec == null ? "all" : spec.strip();
    if (s.equals("all")) {
      return all();
    }
    if (s.equals("none")) {
      return List.of();
    }
    List<Policy> out = new ArrayList<>();
    for (String id : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList()) {
      Policy p = ALL.get(id);
      if (p == null) {
        throw new ValidateException("unknown policy '" + id + "' in --policies; " + CHOICES);
      }
      if (!out.contains(p)) {
        out.add(p);
      }
    }
    if (out.isEmpty()) {
      // An empty value (an unset CI variable, say) must not turn every policy off silently.
      throw new ValidateException("--policies '" + spec + "' names no policy; " + CHOICES);
    }
    return out;
  }
}
