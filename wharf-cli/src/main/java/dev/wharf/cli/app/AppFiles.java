package dev.wharf.cli.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a new app, as text: its App resource and base overlay, and one overlay per
 * environment with that environment's replicas, resources, registry and hostname. Every name
 * in them follows the App's name through components/app-name; what stays here is what a
 * developer chooses and changes. No I/O.
 */
final class AppFiles {
  private final NewApp app;
  private final List<Environment> envs;
  private final String placeholderImage;
  private final String baseDomain;

  /**
   * @param placeholderImage the image the base's workload names (WharfTree#placeholderImage)
   * @param baseDomain the domain of the base's hostname, which the base overlay keeps
   */
  AppFiles(NewApp app, List<Environment> envs, String placeholderImage, String baseDomain) {
    this.app = app;
    this.envs = envs;
    this.placeholderImage = placeholderImage;
    this.baseDomain = baseDomain;
  }

  /** Path (relative to the tree) to content, base first. */
  Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(app.dir() + "/base/app.yaml", appResource());
    files.put(app.dir() + "/base/kustomization.yaml", baseOverlay());
    for (Environment env : envs) {
      files.put(app.dir() + "/" + env.name() + "/kustomization.yaml", environmentOverlay(env));
    }
    return files;
  }

  String appResource() {
    NewApp.Capabilities c = app.capabilities();
    StringBuilder y = new StringBuilder();
    y.append(comment("What " + app.name() + " asks of the platform: the Wharf operator provisions it and delivers the Secret "
            + app.name() + "-platform that the pods read (docs/operator.md). Turn a part on or off with enabled: true or"
            + " false. The App's name names every object of the app (components/app-name)."))
        .append("apiVersion: platform.wharf.dev/v1alpha1\nkind: App\nmetadata:\n  name: ").append(app.name())
        .append("\nspec:\n  team: ").append(app.team()).append('\n');
    y.append("  # A database and user on the shared MySQL: readWrite, or readOnly.\n  mysql:\n    enabled: ").append(c.mysql()).append('\n');
    if (c.mysql()) {
      y.append("    privileges: readWrite\n");
    }
    y.append("  # An ACL user on the shared Redis, confined to the keys under this prefix.\n  redis:\n    enabled: ").append(c.redis()).append('\n');
    if (c.redis()) {
      y.append("    keyPrefix: \"").append(app.keyPrefix()).append("\"\n");
    }
    y.append("  # A Keycloak client: tokens for this app").append(app.base().routed() ? ", and sign-in from its own pages" : "")
        .append(".\n  oidc:\n    enabled: ").append(c.oidc()).append('\n');
    if (c.oidc() && app.base().routed()) {
      String url = "https://" + app.name() + "." + baseDomain;
      y.append("    redirectUris:\n      - ").append(url).append("/*\n    webOrigins:\n      - ").append(url).append('\n');
    }
    y.append("  # Pull access to the team's Harbor project, where the app's image is.\n  registry:\n    enabled: ").append(c.registry()).append('\n');
    y.append("  # A Grafana dashboard of the app's requests, errors and latency.\n  dashboards:\n    enabled: ").append(c.dashboards()).append('\n');
    y.append("  # Deleting the App revokes its access and keeps its data; Delete drops the data too.\n  deletionPolicy: Retain\n");
    return y.toString();
  }

  String baseOverlay() {
    List<String> components = new ArrayList<>(List.of("../../../components/app-name"));
    if (app.tracing()) {
      components.add("../../../components/otel-tracing");
    }
    return comment(app.name() + " (" + app.team() + "): the " + app.base().dir() + " base, named after its App (app.yaml) by"
        + " components/app-name" + (app.tracing() ? ", with traces to Tempo (components/otel-tracing)" : "")
        + ". Environments: " + String.join(", ", envs.stream().map(e -> "../" + e.name()).toList())
        + "; each one pulls the image from its own Harbor, at the version it names.")
        + "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: " + app.team() + "\n"
        + "resources:\n  - ../../../base/" + app.base().dir() + "\n  - app.yaml\n"
        + "components:\n" + list(components, "  ")
        + "images:\n  - name: " + placeholderImage + "\n    newName: " + app.image().name() + "\n" + version(app.image());
  }

  String environmentOverlay(Environment env) {
    boolean prod = env.production();
    ImageRef image = env.registries().contains(app.image().host()) ? app.image() : app.image().in(env.registry());
    List<String> components = new ArrayList<>();
    if (app.progressiveDelivery()) {
      components.add("../../../components/progressive-delivery");
    }
    if (prod && app.publicIngress()) {
      components.add("../../../components/ingress-public");
    }
    StringBuilder y = new StringBuilder();
    y.append(comment(app.name() + " in " + env.name() + ": " + summary(env)
        + (prod ? " A release reaches production through a pull request that sets its version here." : "")));
    y.append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\n");
    if (!components.isEmpty()) {
      y.append("components:\n").append(list(components, "  "));
    }
    y.append("images:\n  - name: ").append(app.image().name()).append('\n');
    if (!image.host().equals(app.image().host())) {
      y.append("    newName: ").append(image.name()).append('\n');
    }
    y.append(version(image)).append("patches:\n");
    y.append(EnvironmentPatches.of(app, env, !env.appsDomain().equals(baseDomain)));
    return y.toString();
  }

  private String summary(Environment env) {
    String replicas = app.base().routed()
        ? (env.production() ? "two to six replicas" : "one to two replicas") : "one replica";
    List<String> parts = new ArrayList<>(List.of(replicas + (env.production() ? "" : " with smaller requests")));
    parts.add("images from " + env.registry());
    if (app.base().routed()) {
      parts.add("served as " + app.host(env));
    }
    if (app.progressiveDelivery() && !env.production()) {
      parts.add("faster canary analyses");
    }
    if (env.production() && app.publicIngress()) {
      parts.add("the public-ingress hardening (rate limit, timeouts, retries)");
    }
    String joined = parts.size() == 1 ? parts.get(0)
        : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    return joined + ".";
  }

  private static String version(ImageRef image) {
    return image.digest() != null ? "    digest: " + image.digest() + "\n" : "    newTag: \"" + image.tag() + "\"\n";
  }

  private static String list(List<String> items, String indent) {
    StringBuilder s = new StringBuilder();
    items.forEach(i -> s.append(indent).append("- ").append(i).append('\n'));
    return s.toString();
  }

  /** {@code text} as YAML comment lines of at most 88 characters. */
  static String comment(String text) {
    StringBuilder out = new StringBuilder("#");
    int width = 1;
    for (String word : text.split(" ")) {
      if (width > 1 && width + 1 + word.length() > 88) {
        out.append("\n#");
        width = 1;
      }
      out.append(' ').append(word);
      width += word.length() + 1;
    }
    return out.append('\n').toString();
  }
}
