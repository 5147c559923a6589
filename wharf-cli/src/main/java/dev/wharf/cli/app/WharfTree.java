package dev.wharf.cli.app;

import dev.wharf.cli.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What a Wharf GitOps tree says that {@code wharf app new} needs: its teams (the tenants it
 * lists), its environments (the clusters of its Platform document), the prewritten bases and
 * the apps that already exist. Reads files only.
 */
final class WharfTree {
  static final String PLATFORM = "platform.yaml";
  static final String TENANTS = "tenants/kustomization.yaml";
  static final String APP_NAME_COMPONENT = "apps/components/app-name/kustomization.yaml";

  private final Path root;

  private WharfTree(Path root) {
    this.root = root;
  }

  /** The tree at {@code dir}, or a refusal that says how to point at one. */
  static WharfTree open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserError("no Wharf GitOps tree at " + dir + ": run this from the repository's root, or name the tree"
          + " with --dir (for example --dir gitops)");
    }
    List<String> markers = new ArrayList<>(List.of(PLATFORM, TENANTS, APP_NAME_COMPONENT));
    for (Base b : Base.values()) {
      markers.add("apps/base/" + b.dir() + "/kustomization.yaml");
    }
    List<String> missing = markers.stream().filter(m -> !Files.isRegularFile(dir.resolve(m))).toList();
    if (!missing.isEmpty()) {
      throw new UserError(dir + " is not a Wharf GitOps tree (it has no " + String.join(", ", missing) + "): name the"
          + " tree with --dir, for example --dir gitops from the repository's root");
    }
    return new WharfTree(dir);
  }

  Path root() {
    return root;
  }

  /** The teams: the tenant directories tenants/kustomization.yaml lists that hold their Namespace. */
  List<String> teams() {
    List<String> teams = new ArrayList<>();
    for (Object entry : list(map(loadOne(TENANTS)).get("resources"))) {
      String dir = String.valueOf(entry).replaceAll("^\\./|/+$", "");
      if (!dir.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || !Files.isDirectory(root.resolve("tenants").resolve(dir))) {
        continue;
      }
      if (yamlFiles(root.resolve("tenants").resolve(dir), 1).stream().flatMap(f -> load(f).stream()).map(WharfTree::map)
          .anyMatch(d -> "Namespace".equals(d.get("kind")) && dir.equals(map(d.get("metadata")).get("name")))) {
        teams.add(dir);
      }
    }
    return teams;
  }

  /** The environments, in the order the Platform document lists its clusters. */
  List<Environment> environments() {
    List<Environment> envs = new ArrayList<>();
    for (Object c : list(map(loadOne(PLATFORM)).get("clusters"))) {
      Map<String, Object> cluster = map(c);
      String name = String.valueOf(cluster.get("name"));
      List<String> registries = list(cluster.get("registries")).stream().map(String::valueOf).toList();
      Object domain = cluster.get("appsDomain");
      if (registries.isEmpty() || !(domain instanceof String d) || !d.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
        throw new UserError(PLATFORM + " does not give cluster " + name + " its registries and appsDomain: add them,"
            + " for example appsDomain: apps." + name + ".example.com (the hostname of its Gateway's apps listener"
            + " without '*.'); see docs/validate.md, \"Platform settings\"");
      }
      envs.add(new Environment(name, registries, d));
    }
    if (envs.isEmpty()) {
      throw new UserError(PLATFORM + " names no clusters: list each one with name, path, registries and appsDomain"
          + " (docs/validate.md, \"Platform settings\")");
    }
    return envs;
  }

  /** The image a base's workload names (without tag), which an app's base overlay replaces. */
  String placeholderImage(Base base) {
    for (Path f : yamlFiles(root.resolve("apps/base").resolve(base.dir()), 1)) {
      for (Object doc : load(f)) {
        Map<String, Object> d = map(doc);
        if (base.workload().equals(d.get("kind"))) {
          Map<String, Object> pod = map(map(map(d.get("spec")).get("template")).get("spec"));
          String image = String.valueOf(map(list(pod.get("containers")).get(0)).get("image"));
          return image.replaceAll("[:@][^/]*$", "");
        }
      }
    }
    throw new UserError("apps/base/" + base.dir() + " has no " + base.workload() + ": restore the base from git");
  }

  /** The domain of the web-service base's hostname (app.<domain>), which every app's base overlay starts from. */
  String baseAppsDomain() {
    for (Object doc : load(root.resolve("apps/base/web-service/httproute.yaml"))) {
      List<Object> hostnames = list(map(map(doc).get("spec")).get("hostnames"));
      if (!hostnames.isEmpty()) {
        String host = String.valueOf(hostnames.get(0));
        return host.substring(host.indexOf('.') + 1);
      }
    }
    throw new UserError("apps/base/web-service/httproute.yaml has no hostname: restore the base from git");
  }

  /** The file of an App named {@code name} among the team's apps, if there is one. */
  Optional<String> appFile(String team, String name) {
    Path dir = root.resolve("apps").resolve(team);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    for (Path f : yamlFiles(dir, 4)) {
      for (Object doc : load(f)) {
        Map<String, Object> d = map(doc);
        if ("App".equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name"))) {
          return Optional.of(relative(f));
        }
      }
    }
    return Optional.empty();
  }

  /** The team's apps entry for an environment: the directory Flux applies as apps-<team>. */
  static String teamEntry(String team, Environment env) {
    return "apps/" + team + "/" + env.name() + "/kustomization.yaml";
  }

  String read(String relative) {
    try {
      return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String relative(Path f) {
    return root.relativize(f).toString().replace('\\', '/');
  }

  private Object loadOne(String relative) {
    List<Object> docs = load(root.resolve(relative));
    return docs.isEmpty() ? Map.of() : docs.get(0);
  }

  private List<Object> load(Path file) {
    try {
      List<Object> docs = new ArrayList<>();
      for (Object d : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
        if (d != null) {
          docs.add(d);
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UserError("cannot read " + relative(file) + ": " + e.getMessage());
    } catch (YAMLException e) {
      throw new UserError(relative(file) + " is not valid YAML (" + e.getMessage().lines().findFirst().orElse("")
          + "): fix it first; wharf validate shows where");
    }
  }

  private static List<Path> yamlFiles(Path dir, int depth) {
    try (Stream<Path> files = Files.walk(dir, depth)) {
      return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }
}
