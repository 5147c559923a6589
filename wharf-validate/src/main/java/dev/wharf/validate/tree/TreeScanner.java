package dev.wharf.validate.tree;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Rules;
import dev.wharf.validate.ValidateException;
import dev.wharf.validate.Yamls;
import dev.wharf.validate.yaml.SafeYaml;
import dev.wharf.validate.yaml.YamlProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds every YAML file and kustomization under a root, loads each file safely once, and works
 * out which kustomizations are entry points and which files no kustomization includes.
 */
public final class TreeScanner {
  static final Set<String> KUSTOMIZATION_NAMES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private final long maxFileBytes;

  public TreeScanner(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  public Tree scan(Path root) {
    Path base = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(base)) {
      throw new ValidateException(root + " is not a directory; pass the GitOps tree to validate (for example: wharf validate gitops).");
    }
    Map<Path, YamlFile> files = new TreeMap<>();
    for (Path p : listYaml(base)) {
      files.put(p, load(base, p));
    }
    Map<Path, Set<Path>> includes = new LinkedHashMap<>(); // kustomization dir -> files and dirs it names
    Set<Path> components = new HashSet<>();
    for (YamlFile f : files.values()) {
      if (isKustomization(f.path())) {
        Path dir = f.path().getParent();
        Set<Path> refs = new LinkedHashSet<>();
        for (Object doc : f.docs()) {
          collectRefs(dir, doc, refs);
          if ("Component".equals(Yamls.string(Yamls.map(doc).get("kind")))) {
            components.add(dir);
          }
        }
        includes.put(dir, refs);
      }
    }
    Set<Path> includedDirs = new HashSet<>();
    Set<Path> includedFiles = new HashSet<>();
    for (Set<Path> refs : includes.values()) {
      for (Path r : refs) {
        (Files.isDirectory(r) ? includedDirs : includedFiles).add(r);
      }
    }
    Map<Path, Set<Path>> reach = new LinkedHashMap<>(); // entry point -> files it reads
    for (Path dir : includes.keySet()) {
      if (!includedDirs.contains(dir) && !components.contains(dir)) {
        reach.put(dir, reach(dir, includes, includedDirs));
      }
    }
    // Kustomizations that only include one another (a cycle, or a directory that includes
    // itself) have no entry point above them: render them too, so kustomize reports the cycle
    // instead of the tree passing with its objects never checked.
    Set<Path> reached = new HashSet<>();
    reach.values().forEach(reached::addAll);
    for (Path dir : includes.keySet()) {
      if (!components.contains(dir) && !reached.contains(kustomizationFile(dir))) {
        reach.put(dir, reach(dir, includes, includedDirs));
        reached.addAll(reach.get(dir));
      }
    }
    List<Path> plain = new ArrayList<>();
    for (Path p : files.keySet()) {
      if (!isKustomization(p) && !includedFiles.contains(p)) {
        plain.add(p);
      }
    }
    return new Tree(base, files, reach, plain);
  }

  /**
   * Every file (kustomizations included) that rendering {@code entry} reads from the tree;
   * {@code dirs} are the included paths that are directories.
   */
  private static Set<Path> reach(Path entry, Map<Path, Set<Path>> includes, Set<Path> dirs) {
    Set<Path> seen = new LinkedHashSet<>();
    Deque<Path> todo = new ArrayDeque<>(List.of(entry));
    Set<Path> visited = new HashSet<>();
    while (!todo.isEmpty()) {
      Path dir = todo.pop();
      if (!visited.add(dir)) {
        continue;
      }
      seen.add(kustomizationFile(dir));
      for (Path r : includes.getOrDefault(dir, Set.of())) {
        if (includes.containsKey(r)) {
          todo.push(r);
        } else if (!dirs.contains(r)) {
          seen.add(r);
        }
      }
    }
    return seen;
  }

  public static Path kustomizationFile(Path dir) {
    for (String n : KUSTOMIZATION_NAMES) {
      Path p = dir.resolve(n);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return dir.resolve("kustomization.yaml");
  }

  static boolean isKustomization(Path p) {
    return KUSTOMIZATION_NAMES.contains(p.getFileName().toString());
  }

  /** Kustomization fields (at any depth) whose strings name files or directories. */
  private static final Set<String> PATH_FIELDS = Set.of("resources", "bases", "components", "crds", "patchesStrategicMerge",
      "path", "files", "envs", "env", "generators", "transformers", "validators", "configurations", "valuesFile",
      "additionalValuesFiles", "chartHome");

  /**
   * Files and directories a kustomization names: resources, components, patches, generator
   * inputs, replacements and so on. Only strings under path-bearing fields count, and only when
   * they name something that exists.
   */
  private static void collectRefs(Path dir, Object node, Set<Path> out) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (PATH_FIELDS.contains(String.valueOf(e.getKey()))) {
          addPaths(dir, e.getValue(), out);
        } else {
          collectRefs(dir, e.getValue(), out);
        }
      }
    } else if (node instanceof List<?> l) {
      for (Object v : l) {
        collectRefs(dir, v, out);
      }
    }
  }

  private static void addPaths(Path dir, Object value, Set<Path> out) {
    if (value instanceof List<?> l) {
      for (Object v : l) {
        addPaths(dir, v, out);
      }
    } else if (value instanceof Map<?, ?>) {
      collectRefs(dir, value, out);
    } else if (value instanceof String s && !s.isBlank() && s.length() < 1024 && s.indexOf('\n') < 0 && !s.contains("://")) {
      String pathPart = s.contains("=") ? s.substring(s.indexOf('=') + 1) : s; // generators: key=path
      try {
        Path p = dir.resolve(pathPart.strip()).normalize();
        if (Files.exists(p)) {
          out.add(p);
        }
      } catch (RuntimeException notAPath) {
        // not a usable path (remote base, odd characters): not an include in this tree
      }
    }
  }

  private YamlFile load(Path base, Path p) {
    String rel = relative(base, p);
    try {
      long size = Files.size(p);
      if (size > maxFileBytes) {
        return new YamlFile(p, rel, List.of(), Finding.ofFile(Rules.YAML_TOO_LARGE, rel,
            "file is " + size + " bytes, over the limit of " + maxFileBytes + " bytes",
            SafeYaml.TOO_LARGE_FIX));
      }
      String text = Files.readString(p, StandardCharsets.UTF_8);
      return new YamlFile(p, rel, new SafeYaml((int) Math.min(Integer.MAX_VALUE, maxFileBytes)).loadAll(text), null);
    } catch (YamlProblem e) {
      return new YamlFile(p, rel, List.of(), Finding.ofFile(e.rule(), rel, e.getMessage(), e.fix()).withLine(e.line()));
    } catch (java.nio.charset.CharacterCodingException e) {
      return new YamlFile(p, rel, List.of(), Finding.ofFile(Rules.YAML_SYNTAX, rel,
          "the file is not UTF-8 text (a binary file, or another encoding)",
          "Save the file as UTF-8, or move a binary file out of the tree or give it a name that does not end in .yaml."));
    } catch (IOException | RuntimeException e) {
      return new YamlFile(p, rel, List.of(), Finding.ofFile(Rules.YAML_SYNTAX, rel,
          "cannot read the file: " + e.getMessage(), "Make the file readable UTF-8 text."));
    }
  }

  private static List<Path> listYaml(Path base) {
    List<Path> out = new ArrayList<>();
    try {
      Files.walkFileTree(base, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
          boolean skip = !dir.equals(base) && (n.startsWith(".") || n.equals("node_modules"));
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String n = file.getFileName().toString();
          if (attrs.isRegularFile() && (n.endsWith(".yaml") || n.endsWith(".yml") || KUSTOMIZATION_NAMES.contains(n))) {
            out.add(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new ValidateException("cannot read " + base + ": " + e.getMessage(), e);
    }
    return out;
  }

  public static String relative(Path root, Path p) {
    Path n = p.toAbsolutePath().normalize();
    String s = n.startsWith(root) ? root.relativize(n).toString() : n.toString();
    return s.replace('\\', '/');
  }
}
