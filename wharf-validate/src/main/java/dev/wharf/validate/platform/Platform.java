package dev.wharf.validate.platform;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Rules;
import dev.wharf.validate.Yamls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tree says about the clusters it runs on, in a document {@code apiVersion:
 * validate.wharf.dev/v1alpha1, kind: Platform} that no kustomization includes (Flux never
 * applies it): each cluster's name, its Flux entry point (a directory, relative to the file)
 * and the registries its apps pull from.
 *
 * <pre>
 * clusters:
 *   - {name: staging, path: clusters/staging, registries: [harbor.staging.example.com]}
 * </pre>
 */
public record Platform(String file, List<Cluster> clusters) {
  public static final String API_GROUP = "validate.wharf.dev";
  public static final String API_VERSION = API_GROUP + "/v1alpha1";
  public static final String KIND = "Platform";
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._/-]+)?");

  /** One cluster: {@code path} is its entry point relative to the tree root. */
  public record Cluster(String name, String path, List<String> registries) {}

  /** Whether a document is one of the validator's own (not a Kubernetes object). */
  public static boolean isSettings(Map<String, Object> doc) {
    return Yamls.string(doc.get("apiVersion")).startsWith(API_GROUP + "/");
  }

  /** Reads the document of {@code file} (relative to the tree root); problems go to {@code problems}. */
  public static Platform read(Map<String, Object> doc, String file, List<Finding> problems) {
    List<Cluster> clusters = new ArrayList<>();
    if (!API_VERSION.equals(doc.get("apiVersion")) || !KIND.equals(doc.get("kind"))) {
      problems.add(problem(file, "a " + API_GROUP + " document of apiVersion " + Yamls.string(doc.get("apiVersion")) + " kind "
          + Yamls.string(doc.get("kind")) + " is not one the validator reads", "Use apiVersion: " + API_VERSION + " and kind: " + KIND + "."));
      return new Platform(file, clusters);
    }
    Set<String> names = new LinkedHashSet<>();
    List<Object> items = Yamls.list(doc.get("clusters"));
    if (items.isEmpty()) {
      problems.add(problem(file, "the Platform document names no clusters", "List each cluster under clusters: with name, path and registries."));
    }
    Path dir = Path.of(file).getParent();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> c = Yamls.map(items.get(i));
      String at = "clusters[" + i + "]";
      String name = Yamls.string(c.get("name"));
      String raw = Yamls.string(c.get("path"));
      String path = raw.equals(".") ? "" : raw.replaceAll("^\\./|/+$", "");
      List<String> registries = Yamls.list(c.get("registries")).stream().map(Yamls::string).toList();
      if (!NAME.matcher(name).matches() || !names.add(name)) {
        problems.add(problem(file, at + ".name '" + name + "' is not a DNS label, or names a cluster twice", "Give each cluster its own name, such as production."));
        continue;
      }
      if (raw.isEmpty() || path.startsWith("/") || path.contains("..")) {
        problems.add(problem(file, at + ".path '" + raw + "' is not a directory inside the tree", "Name the cluster's Flux entry point relative to this file, such as clusters/" + name + "."));
        continue;
      }
      if (registries.isEmpty() || registries.stream().anyMatch(r -> !HOST.matcher(r).matches())) {
        problems.add(problem(file, at + ".registries must list the registry hosts the cluster's apps pull from (host[:port][/path])",
            "List them, such as registries: [harbor." + name + ".example.com]."));
        continue;
      }
      String inTree = dir == null ? path : dir.resolve(path).normalize().toString().replace('\\', '/');
      clusters.add(new Cluster(name, inTree, registries));
    }
    return new Platform(file, List.copyOf(clusters));
  }

  /** Every registry any cluster names. */
  public List<String> allRegistries() {
    Set<String> out = new LinkedHashSet<>();
    clusters.forEach(c -> out.addAll(c.registries()));
    return List.copyOf(out);
  }

  static Finding problem(String file, String message, String fix) {
    return Finding.ofFile(Rules.PLATFORM, file, message, fix + " See docs/validate.md, \"Platform settings\".");
  }
}
