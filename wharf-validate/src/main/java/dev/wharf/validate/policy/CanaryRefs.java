package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * canary-refs: a Flagger Canary can work. Flux applies one kustomization at a time, so the
 * Deployment and autoscaler it takes over must be in the same render; the Gateways it routes
 * through, the metric templates its analysis runs and the alert providers it notifies can be
 * anywhere in the tree. It names hostnames (a route without any would take every request of
 * its listener), and git holds none of the Services and the HTTPRoute that Flagger generates
 * for it (Flux would keep resetting what Flagger changes in them).
 */
final class CanaryRefs implements Policy {
  static final String ID = "canary-refs";
  private static final String FLAGGER = "flagger.app";
  private static final String GATEWAY_API = "gateway.networking.k8s.io";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "a Flagger Canary's Deployment and autoscaler are in the same render, its Gateways, MetricTemplates and AlertProviders "
        + "in the tree; it names hostnames, and git holds no Service or HTTPRoute that Flagger generates for it";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    if (!r.kind().equals("Canary") || !r.ref().group().equals(FLAGGER)) {
      return;
    }
    Map<String, Object> spec = r.spec();
    String target = Yamls.string(Yamls.at(spec, "targetRef", "name"));
    checkTarget(r, ctx, spec, out);
    checkAutoscaler(r, ctx, spec, target, out);
    if (Yamls.string(spec.get("provider")).startsWith("gatewayapi")) {
      checkGateways(r, ctx, spec, out);
      checkHosts(r, spec, out);
    }
    checkTemplates(r, ctx, spec, out);
    checkAlertProviders(r, ctx, spec, out);
    checkGenerated(r, ctx, spec, target, out);
  }

  private static void checkTarget(Resource r, PolicyContext ctx, Map<String, Object> spec, Consumer<Finding> out) {
    String kind = Yamls.string(Yamls.at(spec, "targetRef", "kind"));
    String name = Yamls.string(Yamls.at(spec, "targetRef", "name"));
    if (name.isEmpty() || inRender(r, ctx, "apps", kind, name)) {
      return;
    }
    out.accept(r.finding(ID, "spec.targetRef.name",
        "Canary targets " + kind + " '" + name + "', which this kustomization does not render, so Flagger has nothing to roll out "
            + "and the Canary never becomes ready",
        "Render the Canary with the " + kind + " it takes over: add the app's " + kind + " to this kustomization (the "
            + "progressive-delivery component names the Canary after it), or fix spec.targetRef.name."));
  }

  private static void checkAutoscaler(Resource r, PolicyContext ctx, Map<String, Object> spec, String target, Consumer<Finding> out) {
    String name = Yamls.string(Yamls.at(spec, "autoscalerRef", "name"));
    String kind = Yamls.string(Yamls.at(spec, "autoscalerRef", "kind"));
    if (name.isEmpty() || !kind.equals("HorizontalPodAutoscaler") || inRender(r, ctx, "autoscaling", kind, name)) {
      return;
    }
    out.accept(r.finding(ID, "spec.autoscalerRef.name",
        "Canary's autoscalerRef names HorizontalPodAutoscaler '" + name + "', which this kustomization does not render, so Flagger "
            + "cannot make the primary's autoscaler and the analysis stops",
        "Add the HorizontalPodAutoscaler of '" + target + "' to this kustomization (the web-service base has one), or remove "
            + "spec.autoscalerRef."));
  }

  private static void checkGateways(Resource r, PolicyContext ctx, Map<String, Object> spec, Consumer<Finding> out) {
    List<Object> refs = Yamls.list(Yamls.at(spec, "service", "gatewayRefs"));
    if (refs.isEmpty()) {
      out.accept(r.finding(ID, "spec.service.gatewayRefs",
          "Canary routes through Gateway API but names no Gateway: Flagger refuses it, and the app gets no route",
          "Give the app an HTTPRoute on the shared Gateway (parentRef gateway/wharf, sectionName apps): the progressive-delivery "
              + "component takes the Canary's Gateway and hostnames from it. Without the component, set spec.service.gatewayRefs."));
      return;
    }
    for (int i = 0; i < refs.size(); i++) {
      Map<String, Object> ref = Yamls.map(refs.get(i));
      String group = Yamls.string(ref.getOrDefault("group", GATEWAY_API));
      String kind = Yamls.string(ref.getOrDefault("kind", "Gateway"));
      String name = Yamls.string(ref.get("name"));
      String ns = or(Yamls.string(ref.get("namespace")), r.ref().namespace());
      String path = "spec.service.gatewayRefs[" + i + "]";
      Optional<Resource> gateway = ctx.ofKind(kind).stream()
          .filter(g -> g.ref().group().equals(group) && g.ref().name().equals(name) && sameNamespace(g.ref().namespace(), ns))
          .findFirst();
      if (gateway.isEmpty()) {
        out.accept(r.finding(ID, path + ".name", "Canary routes through " + kind + " '" + qualified(ns, name)
                + "', which is not in the tree, so the HTTPRoute Flagger generates attaches to nothing",
            "Name a Gateway the tree defines (the shared one is gateway/wharf, listener apps), or add the Gateway."));
        continue;
      }
      String section = Yamls.string(ref.get("sectionName"));
      List<String> listeners = Yamls.list(gateway.get().spec().get("listeners")).stream()
          .map(l -> Yamls.string(Yamls.map(l).get("name"))).toList();
      if (!section.isEmpty() && !listeners.contains(section)) {
        out.accept(r.finding(ID, path + ".sectionName", "Canary routes through listener '" + section + "' of Gateway '"
                + qualified(ns, name) + "', which has none of that name (it has " + String.join(", ", listeners) + ")",
            "Use one of the Gateway's listeners (team apps attach to 'apps')."));
      }
    }
  }

  private static void checkHosts(Resource r, Map<String, Object> spec, Consumer<Finding> out) {
    if (Yamls.list(Yamls.at(spec, "service", "hosts")).isEmpty()) {
      out.accept(r.finding(ID, "spec.service.hosts",
          "Canary names no hostnames: the HTTPRoute Flagger generates would take every request of its listener, other apps' too",
          "Set spec.service.hosts to the app's hostnames (the progressive-delivery component copies them from the app's HTTPRoute; "
              + "an environment patches them on the Canary)."));
    }
  }

  private static void checkTemplates(Resource r, PolicyContext ctx, Map<String, Object> spec, Consumer<Finding> out) {
    List<Object> metrics = Yamls.list(Yamls.at(spec, "analysis", "metrics"));
    for (int i = 0; i < metrics.size(); i++) {
      Map<String, Object> ref = Yamls.map(Yamls.map(metrics.get(i)).get("templateRef"));
      String name = Yamls.string(ref.get("name"));
      if (name.isEmpty()) {
        continue; // one of Flagger's built-in metrics
      }
      String ns = or(Yamls.string(ref.get("namespace")), r.ref().namespace());
      if (!inTree(ctx, "MetricTemplate", name, ns)) {
        out.accept(r.finding(ID, "spec.analysis.metrics[" + i + "].templateRef.name",
            "Canary's analysis uses MetricTemplate '" + qualified(ns, name) + "', which is not in the tree: every check of it "
                + "fails and every release is rolled back",
            "Use a template the tree defines (" + known(ctx, "MetricTemplate") + "), or add the MetricTemplate."));
      }
    }
  }

  private static void checkAlertProviders(Resource r, PolicyContext ctx, Map<String, Object> spec, Consumer<Finding> out) {
    List<Object> alerts = Yamls.list(Yamls.at(spec, "analysis", "alerts"));
    for (int i = 0; i < alerts.size(); i++) {
      Map<String, Object> ref = Yamls.map(Yamls.map(alerts.get(i)).get("providerRef"));
      String name = Yamls.string(ref.get("name"));
      String ns = or(Yamls.string(ref.get("namespace")), r.ref().namespace());
      if (!name.isEmpty() && !inTree(ctx, "AlertProvider", name, ns)) {
        out.accept(r.finding(ID, "spec.analysis.alerts[" + i + "].providerRef.name",
            "Canary sends alerts through AlertProvider '" + qualified(ns, name) + "', which is not in the tree, so nobody hears of them",
            "Name an AlertProvider the tree defines (" + known(ctx, "AlertProvider") + "), or add it."));
      }
    }
  }

  /** Services and the HTTPRoute that Flagger creates and keeps changing must not also come from git. */
  private static void checkGenerated(Resource r, PolicyContext ctx, Map<String, Object> spec, String target, Consumer<Finding> out) {
    String apex = or(Yamls.string(Yamls.at(spec, "service", "name")), target);
    if (apex.isEmpty()) {
      return;
    }
    List<String> services = List.of(apex, apex + "-primary", apex + "-canary");
    boolean gatewayApi = Yamls.string(spec.get("provider")).startsWith("gatewayapi");
    for (Resource o : ctx.sameRender(r)) {
      boolean service = o.kind().equals("Service") && o.ref().group().isEmpty() && services.contains(o.ref().name());
      boolean route = gatewayApi && o.kind().equals("HTTPRoute") && o.ref().group().equals(GATEWAY_API) && o.ref().name().equals(apex);
      if ((service || route) && sameNamespace(o.ref().namespace(), r.ref().namespace())) {
        out.accept(r.finding(ID, "spec.service",
            "this kustomization also renders " + o.kind() + " '" + o.ref().name() + "', which Flagger generates and owns for this "
                + "Canary: Flux would keep resetting its " + (service ? "selector" : "weights") + " and send traffic to the wrong pods",
            "Remove the " + o.kind() + " from the app's kustomization (the progressive-delivery component removes the web-service "
                + "base's Service and HTTPRoute); Flagger creates the Services " + String.join(", ", services)
                + (gatewayApi ? " and the HTTPRoute " + apex : "") + "."));
      }
    }
  }

  private static boolean inRender(Resource r, PolicyContext ctx, String group, String kind, String name) {
    return ctx.sameRender(r).stream().anyMatch(o -> o.kind().equals(kind) && o.ref().group().equals(group)
        && o.ref().name().equals(name) && sameNamespace(o.ref().namespace(), r.ref().namespace()));
  }

  private static boolean inTree(PolicyContext ctx, String kind, String name, String ns) {
    return ctx.ofKind(kind).stream().anyMatch(o -> o.ref().group().equals(FLAGGER) && o.ref().name().equals(name)
        && sameNamespace(o.ref().namespace(), ns));
  }

  private static String known(PolicyContext ctx, String kind) {
    String names = ctx.ofKind(kind).stream().filter(o -> o.ref().group().equals(FLAGGER))
        .map(o -> qualified(o.ref().namespace(), o.ref().name())).distinct().sorted().collect(Collectors.joining(", "));
    return names.isEmpty() ? "there are none" : names;
  }

  /** An empty namespace is the one Flux applies the object to (targetNamespace), which matches any. */
  private static boolean sameNamespace(String a, String b) {
    return a.isEmpty() || b.isEmpty() || a.equals(b);
  }

  private static String qualified(String ns, String name) {
    return ns.isEmpty() ? name : ns + "/" + name;
  }

  private static String or(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }
}
