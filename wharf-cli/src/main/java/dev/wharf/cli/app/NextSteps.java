package dev.wharf.cli.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** What 'wharf app new' prints once the files are written: what they are, and what to do next. */
final class NextSteps {
  private NextSteps() {}

  static void print(PrintWriter out, NewApp app, List<Environment> envs, Path dir) {
    String tree = dir.toString().replace('\\', '/');
    String at = tree + "/" + app.dir();
    out.println("Created " + app.name() + " for team " + app.team() + " in " + at + ":");
    out.printf("  %-32s %s%n", "base/app.yaml", "the App: " + capabilities(app));
    out.printf("  %-32s %s%n", "base/kustomization.yaml", "the " + app.base().dir() + " base named " + app.name()
        + (app.tracing() ? ", with tracing" : "") + ", image " + app.image());
    for (Environment env : envs) {
      out.printf("  %-32s %s%n", env.name() + "/kustomization.yaml", env.name() + ": replicas, resources, registry"
          + (app.base().routed() ? ", hostname " + app.host(env) : ""));
    }
    out.println("and listed it in " + String.join(" and ", envs.stream()
        .map(e -> tree + "/" + WharfTree.teamEntry(app.team(), e)).toList()) + ".");
    out.println();
    out.println("Next:");
    out.println("  1. Check the tree as CI will: wharf validate " + tree);
    out.println("  2. Commit on a branch and open a pull request:");
    out.println("       git switch -c add-" + app.name() + " && git add " + tree + "/apps/" + app.team()
        + " && git commit -m \"Add " + app.name() + "\" && git push -u origin add-" + app.name());
    out.println("     CI (validate.yml) renders every overlay and HelmRelease and checks schemas and the platform's"
        + " policies: images from each cluster's Harbor, Pod Security, probes, resources"
        + (app.progressiveDelivery() ? ", the Canary's references" : "") + ".");
    out.println("  3. Push the image " + app.image().repository() + " to each environment's Harbor ("
        + String.join(", ", envs.stream().map(Environment::registry).distinct().toList())
        + "), tagged as the overlays say; until then its pods cannot start.");
    out.println("  4. Once merged, Flux applies it with apps-" + app.team() + " in each cluster, the operator provisions"
        + " what the App asks for and delivers Secret " + app.name() + "-platform"
        + (app.base().routed() ? ", and the app answers at " + String.join(", ", envs.stream()
            .map(e -> "https://" + app.host(e) + " (" + e.name() + ")").toList()) : "") + ".");
    out.println("  5. Watch it: wharf app status " + app.name() + " -n " + app.team());
    out.println("Guide: docs/developers.md");
  }

  private static String capabilities(NewApp app) {
    NewApp.Capabilities c = app.capabilities();
    List<String> on = new java.util.ArrayList<>();
    if (c.mysql()) {
      on.add("MySQL");
    }
    if (c.redis()) {
      on.add("Redis");
    }
    if (c.oidc()) {
      on.add("OIDC");
    }
    if (c.registry()) {
      on.add("registry");
    }
    if (c.dashboards()) {
      on.add("dashboards");
    }
    return on.isEmpty() ? "nothing enabled yet" : String.join(", ", on);
  }
}
