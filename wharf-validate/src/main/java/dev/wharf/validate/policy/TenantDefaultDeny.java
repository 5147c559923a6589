package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.List;
import java.util.function.Consumer;

/**
 * tenant-default-deny: a tenant Namespace comes with a NetworkPolicy in the same render that
 * selects every pod and allows no ingress.
 */
final class TenantDefaultDeny implements Policy {
  static final String ID = "tenant-default-deny";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "every tenant Namespace has a default-deny NetworkPolicy (podSelector: {}, policyTypes with Ingress, no ingress rules) in the same render";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    if (!ctx.isTenantNamespace(r)) {
      return;
    }
    String ns = r.ref().name();
    boolean found = ctx.sameRender(r).stream().anyMatch(p -> isDefaultDeny(p, ns));
    if (!found) {
      out.accept(r.finding(ID, "metadata.name", "tenant namespace " + ns + " has no default-deny NetworkPolicy next to it",
          "Add a NetworkPolicy in namespace " + ns + " with podSelector: {}, policyTypes: [Ingress, Egress] and no ingress rules, "
              + "then allow only the traffic the team needs."));
    }
  }

  static boolean isDefaultDeny(Resource p, String ns) {
    if (!p.kind().equals("NetworkPolicy") || !p.ref().namespace().equals(ns)) {
      return false;
    }
    Object selector = p.spec().get("podSelector");
    boolean allPods = selector instanceof java.util.Map<?, ?> m && Yamls.map(m.get("matchLabels")).isEmpty()
        && Yamls.list(m.get("matchExpressions")).isEmpty();
    List<Object> types = Yamls.list(p.spec().get("policyTypes"));
    boolean ingressDenied = types.contains("Ingress") && Yamls.list(p.spec().get("ingress")).isEmpty();
    return allPods && ingressDenied;
  }
}
