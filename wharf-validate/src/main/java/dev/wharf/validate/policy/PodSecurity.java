package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.KubeVersion;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import dev.wharf.validate.policy.pss.Level;
import dev.wharf.validate.policy.pss.Pod;
import dev.wharf.validate.policy.pss.PodSecurityStandards;
import dev.wharf.validate.policy.pss.Violation;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pod-security: every pod template meets the Pod Security Standards level its namespace
 * enforces (the Namespace's pod-security.kubernetes.io/enforce label in the tree, else the
 * cluster default), as Pod Security admission would judge the pods it creates.
 */
final class PodSecurity implements Policy {
  static final String ID = "pod-security";
  static final String ENFORCE = "pod-security.kubernetes.io/enforce";
  static final String ENFORCE_VERSION = "pod-security.kubernetes.io/enforce-version";
  private static final Pattern VERSION = Pattern.compile("v1\\.(0|[1-9][0-9]*)");

  /** The level a namespace enforces, the Kubernetes minor version of its rules, and why. */
  record Enforced(Level level, int minor, String why) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "pod templates meet the Pod Security Standards level (baseline, restricted) their namespace enforces";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    if (r.kind().equals("Namespace") && r.ref().apiVersion().equals("v1")) {
      checkLabels(r, out);
      return;
    }
    String specPath = PodSpecs.podSpecPath(r);
    if (specPath == null) {
      return;
    }
    String ns = r.ref().namespace().isEmpty() ? "default" : r.ref().namespace();
    if (ctx.settings().podSecurityExemptNamespaces().contains(ns)) {
      return;
    }
    Enforced e = enforced(ns, r, ctx);
    String metaPath = specPath.substring(0, specPath.length() - "spec".length()) + "metadata";
    Pod pod = Pod.of(Yamls.map(Yamls.at(r.content(), specPath.split("\\."))), specPath, Yamls.map(Yamls.at(r.content(), metaPath.split("\\."))), metaPath);
    for (Violation v : PodSecurityStandards.check(pod, e.level(), e.minor())) {
      out.accept(r.finding(ID, v.path(), "[" + v.level().label() + ": " + v.control() + "] " + v.message() + "; namespace " + ns + " enforces "
          + e.level().label() + " (" + e.why() + ")", v.fix()));
    }
  }

  static Enforced enforced(String ns, Resource near, PolicyContext ctx) {
    Optional<Resource> namespace = ctx.namespace(ns, near);
    Map<String, Object> labels = namespace.map(Resource::labels).orElse(Map.of());
    String minorNote = "";
    int minor = KubeVersion.MINOR;
    Matcher v = VERSION.matcher(Yamls.string(labels.get(ENFORCE_VERSION)));
    if (v.matches() && Integer.parseInt(v.group(1)) < KubeVersion.MINOR) {
      minor = Integer.parseInt(v.group(1));
      minorNote = " at v1." + minor;
    }
    if (labels.containsKey(ENFORCE)) {
      // Pod Security admission takes an invalid level as restricted.
      Level level = Level.parse(Yamls.string(labels.get(ENFORCE))).orElse(Level.RESTRICTED);
      return new Enforced(level, minor, "its " + ENFORCE + " label" + minorNote);
    }
    Level level = Level.parse(ctx.settings().podSecurityDefault()).orElse(Level.BASELINE);
    String where = namespace.isPresent() ? "it has no " + ENFORCE + " label" : "it is not in the tree";
    return new Enforced(level, minor, "the cluster default: " + where);
  }

  private static void checkLabels(Resource ns, Consumer<Finding> out) {
    Map<String, Object> labels = ns.labels();
    if (labels.containsKey(ENFORCE) && Level.parse(Yamls.string(labels.get(ENFORCE))).isEmpty()) {
      out.accept(ns.finding(ID, "metadata.labels[\"" + ENFORCE + "\"]", "'" + labels.get(ENFORCE) + "' is not a Pod Security level",
          "Use privileged, baseline or restricted."));
    }
    String version = Yamls.string(labels.get(ENFORCE_VERSION));
    if (labels.containsKey(ENFORCE_VERSION) && !version.equals("latest") && !VERSION.matcher(version).matches()) {
      out.accept(ns.finding(ID, "metadata.labels[\"" + ENFORCE_VERSION + "\"]", "'" + version + "' is not a Pod Security version",
          "Use latest or v1.<minor>, for example v1." + KubeVersion.MINOR + "."));
    }
  }
}
