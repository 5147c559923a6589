package dev.wharf.validate.yaml;

import dev.wharf.validate.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads untrusted multi-document YAML with hard limits: aliases (billion laughs), size in code
 * points, nesting depth, no duplicate keys, no custom tags. Scalars resolve like Kubernetes
 * reads them (YAML 1.2 booleans, no timestamps), so {@code on} and {@code 2024-01-01} stay
 * strings.
 */
public final class SafeYaml {
  public static final int MAX_ALIASES = 50;
  public static final int MAX_DEPTH = 200;
  public static final long MAX_EXPANDED_NODES = 2_000_000;
  /** The fix for a file over the size limit, whether its size or its text gave it away. */
  public static final String TOO_LARGE_FIX = "Split the file into smaller ones, or raise the limit with --max-file-size if it is legitimate.";
  private static final String ALIAS_FIX = "Write the repeated values out, or use Kustomize patches/components instead of YAML anchors.";

  private final int maxCodePoints;

  public SafeYaml(int maxCodePoints) {
    this.maxCodePoints = maxCodePoints;
  }

  /** All non-empty documents of {@code text}, in order. */
  public List<Object> loadAll(String text) throws YamlProblem {
    if (text.length() > maxCodePoints) {
      throw tooLarge();
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(maxCodePoints);
    options.setAllowDuplicateKeys(false);
    DumperOptions dump = new DumperOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dump), dump, options, new KubernetesResolver());
    List<Object> docs = new ArrayList<>();
    try {
      for (Object doc : yaml.loadAll(text)) {
        if (doc != null) {
          checkExpansion(doc);
          docs.add(doc);
        }
      }
    } catch (DuplicateKeyException e) {
      throw new YamlProblem(Rules.YAML_DUPLICATE_KEY, oneLine(e.getMessage()),
          "Remove the repeated key; YAML tools disagree on which value wins.", line(e));
    } catch (MarkedYAMLException e) {
      throw new YamlProblem(Rules.YAML_SYNTAX, oneLine(e.getMessage()),
          "Fix the YAML syntax at the marked line and column (indentation, quoting, a missing ':').", line(e));
    } catch (YAMLException e) {
      throw classify(e);
    } catch (StackOverflowError e) {
      throw tooDeep();
    }
    return docs;
  }

  /**
   * Aliases load as shared references; whoever walks the document sees them expanded. Refuse
   * a document that refers to itself or expands to more than {@link #MAX_EXPANDED_NODES}.
   */
  private static void checkExpansion(Object doc) throws YamlProblem {
    long[] count = {0};
    if (!walk(doc, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), count)) {
      throw new YamlProblem(Rules.YAML_ALIAS_LIMIT,
          count[0] > MAX_EXPANDED_NODES
              ? "aliases expand the document to more than " + MAX_EXPANDED_NODES + " values (a YAML alias bomb?)"
              : "a collection contains itself through an alias (a recursive YAML structure)",
          ALIAS_FIX);
    }
  }

  private static boolean walk(Object node, java.util.Set<Object> path, long[] count) {
    if (++count[0] > MAX_EXPANDED_NODES) {
      return false;
    }
    if (!(node instanceof java.util.Map<?, ?>) && !(node instanceof List<?>)) {
      return true;
    }
    if (!path.add(node)) {
      return false;
    }
    Iterable<?> children = node instanceof java.util.Map<?, ?> m ? m.values() : (List<?>) node;
    for (Object c : children) {
      if (!walk(c, path, count)) {
        return false;
      }
    }
    path.remove(node);
    return true;
  }

  private YamlProblem classify(YAMLException e) {
    String msg = String.valueOf(e.getMessage());
    if (msg.startsWith("Number of aliases") || msg.startsWith("Recursive key")) {
      return new YamlProblem(Rules.YAML_ALIAS_LIMIT,
          "more than " + MAX_ALIASES + " aliases to collections, or a recursive alias (a YAML alias bomb?)",
          ALIAS_FIX);
    }
    if (msg.contains("exceeds the limit") && msg.contains("code points")) {
      return tooLarge();
    }
    if (msg.startsWith("Nesting Depth")) {
      return tooDeep();
    }
    return new YamlProblem(Rules.YAML_SYNTAX, oneLine(msg),
        "Fix the YAML so that it parses (only plain maps, lists and scalars; no custom tags).");
  }

  private YamlProblem tooLarge() {
    return new YamlProblem(Rules.YAML_TOO_LARGE,
        "the YAML is larger than the limit of " + maxCodePoints + " characters",
        TOO_LARGE_FIX);
  }

  private static YamlProblem tooDeep() {
    return new YamlProblem(Rules.YAML_TOO_DEEP,
        "the YAML nests deeper than " + MAX_DEPTH + " levels",
        "Flatten the structure; no Kubernetes object needs this depth.");
  }

  private static int line(MarkedYAMLException e) {
    return e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
  }

  private static final Pattern WS = Pattern.compile("\\s*\\n\\s*");

  private static String oneLine(String s) {
    String t = WS.matcher(String.valueOf(s).strip()).replaceAll("; ");
    return t.length() > 400 ? t.substring(0, 400) + "..." : t;
  }

  /** YAML 1.2 core booleans, ints, floats, nulls and merge keys; no timestamps, no yes/no/on/off. */
  static final class KubernetesResolver extends Resolver {
    private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    // Decimal and hex only: YAML 1.1 sexagesimal ("22:22") and octal stay strings, as in Go.
    private static final Pattern INT12 = Pattern.compile("^(?:[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+)$");
    private static final Pattern FLOAT12 = Pattern.compile(
        "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "tTfF");
      addImplicitResolver(Tag.INT, INT12, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT12, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }
}
