package dev.wharf.validate.tree;

import dev.wharf.validate.Finding;
import dev.wharf.validate.ObjectRef;
import dev.wharf.validate.yaml.SafeYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line a finding points at: the object's document in its source file, then the
 * deepest part of the JSON path that exists there (a missing field points at its parent).
 * Only files that already loaded safely are read again. Lines help editors and code-scanning
 * annotations; a finding whose line cannot be found keeps line 0.
 */
public final class LineLocator {
  private final Path root;
  private final long maxFileBytes;
  private final Map<String, List<Node>> docs = new HashMap<>();

  public LineLocator(Path root, long maxFileBytes) {
    this.root = root;
    this.maxFileBytes = maxFileBytes;
  }

  public Finding locate(Finding f) {
    if (f.line() > 0 || f.file().isEmpty() || f.object() == null) {
      return f;
    }
    Node doc = pick(load(f.file()), f.object());
    if (doc == null) {
      return f;
    }
    return f.withLine(walk(doc, segments(f.path())));
  }

  private List<Node> load(String file) {
    return docs.computeIfAbsent(file, k -> {
      Path p = root.resolve(k).normalize();
      try {
        if (!p.startsWith(root) || !Files.isRegularFile(p) || Files.size(p) > maxFileBytes) {
          return List.of();
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(SafeYaml.MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(SafeYaml.MAX_DEPTH);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxFileBytes));
        List<Node> out = new ArrayList<>();
        for (Node n : new Yaml(options).composeAll(new java.io.StringReader(Files.readString(p, StandardCharsets.UTF_8)))) {
          if (n != null) {
            out.add(n);
          }
        }
        return out;
      } catch (IOException | YAMLException e) {
        return List.of();
      }
    });
  }

  /** The document of the object: same kind and name, else a name that kustomize prefixed or suffixed. */
  private static Node pick(List<Node> docs, ObjectRef ref) {
    Node loose = null;
    int sameKind = 0;
    Node onlyOfKind = null;
    for (Node d : docs) {
      if (!ref.kind().equals(scalar(d, "kind"))) {
        continue;
      }
      sameKind++;
      onlyOfKind = d;
      String name = scalar(value(d, "metadata"), "name");
      if (name == null || name.isEmpty()) {
        continue;
      }
      if (name.equals(ref.name())) {
        return d;
      }
      if (loose == null && (ref.name().endsWith(name) || ref.name().startsWith(name))) {
        loose = d;
      }
    }
    return loose != null ? loose : sameKind == 1 ? onlyOfKind : null;
  }

  private static int walk(Node doc, List<Object> path) {
    Node cur = doc;
    int line = doc.getStartMark().getLine() + 1;
    for (Object seg : path) {
      Node next = null;
      if (seg instanceof String key && cur instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
            line = k.getStartMark().getLine() + 1;
            next = t.getValueNode();
            break;
          }
        }
      } else if (seg instanceof Integer i && cur instanceof SequenceNode s && i < s.getValue().size()) {
        next = s.getValue().get(i);
        line = next.getStartMark().getLine() + 1;
      }
      if (next == null) {
        break;
      }
      cur = next;
    }
    return line;
  }

  /** "spec.containers[0][\"a.b\"]" into ["spec", "containers", 0, "a.b"]. */
  static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    StringBuilder key = new StringBuilder();
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        flush(key, out);
        i++;
      } else if (c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '"') {
        flush(key, out);
        int end = path.indexOf("\"]", i + 2);
        end = end < 0 ? path.length() : end;
        out.add(path.substring(i + 2, end).replace("\\\"", "\""));
        i = end + 2;
      } else if (c == '[') {
        flush(key, out);
        int end = path.indexOf(']', i);
        end = end < 0 ? path.length() : end;
        try {
          out.add(Integer.parseInt(path.substring(i + 1, end)));
        } catch (NumberFormatException e) {
          return out;
        }
        i = end + 1;
      } else {
        key.append(c);
        i++;
      }
    }
    flush(key, out);
    return out;
  }

  private static void flush(StringBuilder key, List<Object> out) {
    if (!key.isEmpty()) {
      out.add(key.toString());
      key.setLength(0);
    }
  }

  private static Node value(Node n, String key) {
    if (n instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return t.getValueNode();
        }
      }
    }
    return null;
  }

  private static String scalar(Node n, String key) {
    return value(n, key) instanceof ScalarNode s ? s.getValue() : null;
  }
}
