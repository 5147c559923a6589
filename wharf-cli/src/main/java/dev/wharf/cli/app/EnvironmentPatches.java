package dev.wharf.cli.app;

/**
 * The patches of one environment's overlay: how many replicas, how much CPU and memory, and
 * where the environment serves the app (its hostname, and the App's sign-in addresses there).
 * Production gets the base's sizes written out, so a developer sees where to change them;
 * other environments get fewer, smaller pods and faster canary analyses. No I/O.
 */
final class EnvironmentPatches {
  private EnvironmentPatches() {}

  /** The patches, as the list items under {@code patches:}. */
  static String of(NewApp app, Environment env, boolean ownDomain) {
    boolean prod = env.production();
    StringBuilder y = new StringBuilder();
    if (app.base().routed()) {
      y.append(replace("HorizontalPodAutoscaler", "/spec/minReplicas", prod ? "2" : "1", "/spec/maxReplicas", prod ? "6" : "2"));
      y.append(replace("PodDisruptionBudget", "/spec/minAvailable", prod ? "1" : "0"));
    } else {
      y.append(replace("StatefulSet", "/spec/replicas", "1"));
    }
    String memoryLimit = app.base().routed() ? "512Mi" : "1Gi";
    y.append("  - target: {kind: ").append(app.base().workload()).append("}\n    patch: |\n")
        .append("      - op: replace\n        path: /spec/template/spec/containers/0/resources\n        value:\n")
        .append("          requests: {cpu: ").append(prod ? "100m" : "50m").append(", memory: 256Mi}\n")
        .append("          limits: {cpu: \"1\", memory: ").append(memoryLimit).append("}\n");
    if (app.progressiveDelivery()) {
      y.append(canary(app, env, ownDomain));
    } else if (app.base().routed() && ownDomain) {
      y.append("  - target: {kind: HTTPRoute}\n    patch: |\n")
          .append("      - op: replace\n        path: /spec/hostnames\n        value: [").append(app.host(env)).append("]\n");
    }
    if (ownDomain && app.base().routed() && app.capabilities().oidc()) {
      String url = "https://" + app.host(env);
      y.append("  - target: {kind: App}\n    patch: |\n")
          .append("      - op: replace\n        path: /spec/oidc/redirectUris\n        value: [\"").append(url).append("/*\"]\n")
          .append("      - op: replace\n        path: /spec/oidc/webOrigins\n        value: [\"").append(url).append("\"]\n");
    }
    return y.toString();
  }

  /** With progressive delivery Flagger makes the HTTPRoute from the Canary, so hostnames go there. */
  private static String canary(NewApp app, Environment env, boolean ownDomain) {
    if (env.production() && !ownDomain) {
      return "";
    }
    StringBuilder y = new StringBuilder("  - target: {kind: Canary}\n    patch: |\n");
    if (ownDomain) {
      y.append("      - op: replace\n        path: /spec/service/hosts\n        value: [").append(app.host(env)).append("]\n");
    }
    if (!env.production()) {
      // An analysis twice a minute, 25 % more traffic each step, three failed checks roll back.
      y.append("      - op: replace\n        path: /spec/analysis/interval\n        value: 30s\n")
          .append("      - op: replace\n        path: /spec/analysis/threshold\n        value: 3\n")
          .append("      - op: replace\n        path: /spec/analysis/stepWeight\n        value: 25\n");
    }
    return y.toString();
  }

  private static String replace(String kind, String... pathsAndValues) {
    StringBuilder y = new StringBuilder("  - target: {kind: ").append(kind).append("}\n    patch: |\n");
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      y.append("      - op: replace\n        path: ").append(pathsAndValues[i]).append("\n        value: ")
          .append(pathsAndValues[i + 1]).append('\n');
    }
    return y.toString();
  }
}
