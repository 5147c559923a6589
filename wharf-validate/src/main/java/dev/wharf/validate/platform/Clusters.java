package dev.wharf.validate.platform;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which clusters apply each render, as Flux would: a cluster applies its entry point, and
 * every Flux Kustomization applied there applies its {@code spec.path} in turn. A path names
 * a directory of the Git repository ({@code ./gitops/apps/team-a/staging}); its longest
 * ending that is a directory of the tree is where it points. A directory with a kustomization
 * is that render; one without is every render below it (Flux generates a kustomization of
 * the whole directory).
 */
public final class Clusters {
  private static final String FLUX_GROUP = "kustomize.toolkit.fluxcd.io";

  private final Map<String, Set<String>> byRender = new HashMap<>();
  private final List<Finding> problems = new ArrayList<>();

  public Clusters(Platform platform, List<Resource> resources) {
    Set<String> renders = new LinkedHashSet<>();
    Set<String> dirs = new HashSet<>();
    Map<String, List<String>> fluxPaths = new HashMap<>();
    for (Resource r : resources) {
      renders.add(r.render());
      ancestors(r.file(), dirs);
      ancestors(r.render(), dirs);
      if (r.kind().equals("Kustomization") && r.ref().group().equals(FLUX_GROUP) && r.origin() == null) {
        fluxPaths.computeIfAbsent(r.render(), k -> new ArrayList<>()).add(Yamls.string(r.spec().get("path")));
      }
    }
    for (Platform.Cluster c : platform.clusters()) {
      Set<String> start = covered(c.path(), renders);
      if (start.isEmpty()) {
        problems.add(Platform.problem(platform.file(), "cluster " + c.name() + ": path " + c.path() + " is not a kustomization or a directory of manifests in the tree",
            "Point path at the cluster's Flux entry point (the directory flux bootstrap syncs)."));
      }
      Deque<String> todo = new ArrayDeque<>(start);
      Set<String> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        String render = todo.pop();
        if (!seen.add(render)) {
          continue;
        }
        byRender.computeIfAbsent(render, k -> new TreeSet<>()).add(c.name());
        for (String path : fluxPaths.getOrDefault(render, List.of())) {
          todo.addAll(covered(inTree(path, dirs), renders));
        }
      }
    }
  }

  /** The names of the clusters that apply {@code render}; empty when none does (or none is declared). */
  public Set<String> of(String render) {
    return byRender.getOrDefault(render, Set.of());
  }

  /** Clusters whose path leads nowhere. */
  public List<Finding> problems() {
    return problems;
  }

  /** The renders a directory of the tree stands for. */
  private static Set<String> covered(String dir, Set<String> renders) {
    Set<String> out = new LinkedHashSet<>();
    if (dir == null) {
      return out;
    }
    for (String r : renders) {
      if (dirOf(r).equals(dir)) {
        out.add(r);
      }
    }
    if (out.isEmpty()) {
      String prefix = dir.isEmpty() ? "" : dir + "/";
      renders.stream().filter(r -> r.startsWith(prefix)).forEach(out::add);
    }
    return out;
  }

  /** The longest ending of a repository path that is a directory of the tree; null when none is. */
  private static String inTree(String path, Set<String> dirs) {
    String p = path.replace('\\', '/').replaceAll("^(\\./)+|/+$", "");
    while (true) {
      if (dirs.contains(p)) {
        return p;
      }
      int slash = p.indexOf('/');
      if (slash < 0) {
        return null;
      }
      p = p.substring(slash + 1);
    }
  }

  /** A kustomization render's directory; a plain file's render is the file itself. */
  private static String dirOf(String render) {
    int slash = render.lastIndexOf('/');
    String name = render.substring(slash + 1);
    boolean kustomization = name.equals("kustomization.yaml") || name.equals("kustomization.yml") || name.equals("Kustomization");
    return !kustomization ? render : slash < 0 ? "" : render.substring(0, slash);
  }

  private static void ancestors(String file, Set<String> out) {
    for (int slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      out.add(file.substring(0, slash));
    }
  }
}
