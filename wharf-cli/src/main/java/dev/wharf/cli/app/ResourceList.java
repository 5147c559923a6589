package dev.wharf.cli.app;

import dev.wharf.cli.UserError;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Adds an entry to the {@code resources} list of a kustomization.yaml by editing its text at
 * the list's place, so the rest of the file (comments, order, quoting, indentation) stays as
 * written. The result is parsed again and must differ from the original only by the new entry.
 * No I/O.
 */
final class ResourceList {
  private ResourceList() {}

  /** {@code text} with {@code entry} appended to its resources; {@code file} names it in errors. */
  static String add(String text, String entry, String file) {
    Node root = compose(text, file);
    if (!(root instanceof MappingNode doc)) {
      throw cannot(file, entry, "it is not a YAML mapping");
    }
    Node resources = null;
    for (NodeTuple t : doc.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("resources")) {
        resources = t.getValueNode();
      }
    }
    String edited;
    if (resources == null) {
      edited = (text.isEmpty() || text.endsWith("\n") ? text : text + "\n") + "resources:\n  - " + entry + "\n";
    } else if (resources instanceof ScalarNode s && s.getValue().isEmpty()) {
      edited = replace(text, trimBack(text, s.getStartMark().getIndex()), s.getEndMark().getIndex(), "\n  - " + entry);
    } else if (!(resources instanceof SequenceNode list)) {
      throw cannot(file, entry, "its resources is not a list");
    } else if (list.getValue().isEmpty()) {
      // "resources: []": the list becomes a block list of one.
      edited = replace(text, trimBack(text, list.getStartMark().getIndex()), list.getEndMark().getIndex(), "\n  - " + entry);
    } else if (list.getFlowStyle() == FlowStyle.FLOW) {
      int end = list.getValue().get(list.getValue().size() - 1).getEndMark().getIndex();
      edited = replace(text, end, end, ", " + entry);
    } else {
      Node last = list.getValue().get(list.getValue().size() - 1);
      int lineStart = text.lastIndexOf('\n', last.getStartMark().getIndex() - 1) + 1;
      String prefix = text.substring(lineStart, last.getStartMark().getIndex());
      if (!prefix.strip().equals("-")) {
        throw cannot(file, entry, "its last resource does not stand on a line of its own");
      }
      int lineEnd = text.indexOf('\n', last.getEndMark().getIndex());
      int at = lineEnd < 0 ? text.length() : lineEnd;
      edited = replace(text, at, at, "\n" + prefix + entry);
    }
    check(text, edited, entry, file);
    return edited;
  }

  /** The resources the file lists. */
  static List<String> entries(String text, String file) {
    Object doc = load(text, file);
    return WharfTree.list(WharfTree.map(doc).get("resources")).stream().map(String::valueOf).toList();
  }

  private static void check(String before, String after, String entry, String file) {
    Map<String, Object> was = WharfTree.map(load(before, file));
    Map<String, Object> now;
    try {
      now = WharfTree.map(load(after, file));
    } catch (UserError e) {
      throw cannot(file, entry, "editing it in place would break its YAML");
    }
    List<Object> expected = new ArrayList<>(WharfTree.list(was.get("resources")));
    expected.add(entry);
    was.put("resources", expected);
    if (!Objects.equals(was, now)) {
      throw cannot(file, entry, "editing it in place would change more than its resources");
    }
  }

  /** {@code at}, moved back over the spaces before it (so no line ends in a space). */
  private static int trimBack(String text, int at) {
    while (at > 0 && text.charAt(at - 1) == ' ') {
      at--;
    }
    return at;
  }

  private static String replace(String text, int from, int to, String with) {
    return text.substring(0, from) + with + text.substring(to);
  }

  private static Node compose(String text, String file) {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (YAMLException e) {
      throw new UserError(file + " is not valid YAML: fix it first (wharf validate shows where)");
    }
  }

  private static Object load(String text, String file) {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new UserError(file + " is not valid YAML: fix it first (wharf validate shows where)");
    }
  }

  private static UserError cannot(String file, String entry, String why) {
    return new UserError("cannot add " + entry + " to " + file + " (" + why + "): list it under resources: by hand,"
        + " or write the file as a plain list, then run this again; nothing was written");
  }
}
