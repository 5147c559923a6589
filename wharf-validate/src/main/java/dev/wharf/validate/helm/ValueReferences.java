package dev.wharf.validate.helm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values paths a chart's templates read: {@code .Values.a.b} (also through {@code $},
 * {@code $root} or a context like {@code .ctx}), {@code index .Values "a-b" "c"}, {@code get},
 * {@code dig}, and variables bound to the whole {@code .Values}. Each path found is a place the
 * chart consumes whole: {@code toYaml .Values.podAnnotations}, {@code with .Values.affinity}
 * and {@code range .Values.env} all hand on whatever is below. Two forms are looked into:
 * {@code include "helper" .Values.server} reads what the helper reads of its context, and
 * {@code index .Values.server .mode} reads the keys {@code mode} is given as a literal anywhere
 * in the chart ({@code set . "mode" "ha"}, {@code dict "mode" "ha"}), or any key
 * ({@link #ANY}) when there is none. A bare {@code .Values} is not counted (checksums and
 * helpers take it whole without passing keys through).
 */
final class ValueReferences {
  /** A path element standing for any key. */
  static final String ANY = "*";
  private static final String BASE = "((?:\\$\\w*)?(?:\\.\\w+)*\\.Values(?:\\.\\w+)*)";
  private static final String KEYS = "((?:\\s+\"[^\"\\n]*\")+)";
  private static final Pattern INDEX = Pattern.compile("\\b(?:index|get)\\s+\\(?\\s*" + BASE + "\\s*\\)?" + KEYS);
  private static final Pattern DYNAMIC_INDEX = Pattern.compile("\\bindex\\s+" + BASE + "\\s+([$.][\\w.$]*)\\s*\\)((?:\\.\\w+)*)");
  private static final Pattern DIG = Pattern.compile("\\bdig" + KEYS + "\\s+(?:\\([^()\\n]*\\)\\s*|[^\\s()\"]+\\s+)?" + BASE);
  private static final Pattern INCLUDE = Pattern.compile("\\b(?:include|template)\\s+\"([^\"]+)\"\\s+" + BASE + "\\s*(?=[)}|])");
  private static final Pattern REF = Pattern.compile("\\.Values((?:\\.\\w+)*)");
  private static final Pattern ROOT_VAR = Pattern.compile("(\\$\\w+)\\s*:?=\\s*\\$?\\.Values\\s*-?}}");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]*)\"");
  private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
  private static final Pattern DEFINE = Pattern.compile("^define\\s+\"([^\"]+)\"");
  private static final Pattern OPENS = Pattern.compile("^(if|range|with|define|block)\\b");
  /** A field of the context: {@code .name} not after a word, $, ) or ]. */
  private static final Pattern FIELD = Pattern.compile("(?<![\\w$)\\]])\\.([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)");
  private static final Pattern BARE_DOT = Pattern.compile("(?<![\\w$)\\]])\\.(?=[\\s)|}]|$)");
  private static final Set<String> BUILT_IN = Set.of("Values", "Release", "Chart", "Capabilities", "Template", "Files", "Subcharts");

  private final Map<String, String> defines;
  private final List<String> texts;

  /** {@code texts}: every text of a chart and its subcharts, where named templates and literals are looked up. */
  ValueReferences(List<String> texts) {
    this.texts = texts;
    this.defines = defines(texts);
  }

  /** The named templates ({@code define}) in {@code texts}, by name. */
  private static Map<String, String> defines(List<String> texts) {
    Map<String, String> out = new HashMap<>();
    for (String text : texts) {
      Matcher a = ACTION.matcher(text);
      String name = null;
      int depth = 0;
      int start = 0;
      while (a.find()) {
        String action = a.group(1);
        Matcher d = DEFINE.matcher(action);
        if (name == null && d.find()) {
          name = d.group(1);
          depth = 1;
          start = a.end();
        } else if (name != null && OPENS.matcher(action).find()) {
          depth++;
        } else if (name != null && action.equals("end") && --depth == 0) {
          out.put(name, text.substring(start, a.start()));
          name = null;
        }
      }
    }
    return out;
  }

  /** Every path {@code text} reads from .Values. */
  Set<List<String>> in(String text) {
    Set<List<String>> out = new HashSet<>();
    StringBuilder rest = new StringBuilder(text);
    Matcher m = INDEX.matcher(text);
    while (m.find()) {
      out.add(concat(pathOf(m.group(1)), quoted(m.group(2))));
      blank(rest, m.start(), m.end());
    }
    m = DYNAMIC_INDEX.matcher(text);
    while (m.find()) {
      // $name is a variable: whatever it holds is unknown here. .name or $.name is set somewhere as a literal.
      String expr = m.group(2);
      List<String> keys = expr.matches("\\$\\w+") ? List.of() : literals(expr.substring(expr.lastIndexOf('.') + 1));
      for (String key : keys.isEmpty() ? List.of(ANY) : keys) {
        out.add(concat(concat(pathOf(m.group(1)), List.of(key)), split(m.group(3))));
      }
      blank(rest, m.start(), m.end());
    }
    m = DIG.matcher(text);
    while (m.find()) {
      List<String> keys = quoted(m.group(1));
      // The last string may be the default rather than a key: stop before it, so more passes.
      out.add(concat(pathOf(m.group(2)), keys.subList(0, Math.max(0, keys.size() - 1))));
      blank(rest, m.start(), m.end());
    }
    m = INCLUDE.matcher(text);
    while (m.find()) {
      String body = defines.get(m.group(1));
      List<String> base = pathOf(m.group(2));
      if (body != null && !base.isEmpty() && !BARE_DOT.matcher(stripValues(body)).find()) {
        for (List<String> field : fields(body)) {
          out.add(concat(base, field));
        }
        blank(rest, m.start(), m.end());
      }
    }
    String plain = rest.toString();
    m = REF.matcher(plain);
    while (m.find()) {
      List<String> path = split(m.group(1));
      if (!path.isEmpty()) {
        out.add(path);
      }
    }
    m = ROOT_VAR.matcher(plain);
    while (m.find()) {
      Matcher v = Pattern.compile(Pattern.quote(m.group(1)) + "((?:\\.\\w+)+)").matcher(plain);
      while (v.find()) {
        out.add(split(v.group(1)));
      }
    }
    out.remove(List.<String>of());
    return out;
  }

  /** The string literals given to {@code name} anywhere: {@code "name" "value"} in a dict or set call. */
  private List<String> literals(String name) {
    List<String> out = new ArrayList<>();
    if (name.isEmpty()) {
      return out;
    }
    Pattern p = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s+\"([^\"\\n]+)\"");
    for (String t : texts) {
      Matcher m = p.matcher(t);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** The fields a helper reads of its context ({@code .extraEnv}, {@code .a.b}), not .Values and the other built-ins. */
  private static List<List<String>> fields(String body) {
    List<List<String>> out = new ArrayList<>();
    Matcher f = FIELD.matcher(body);
    while (f.find()) {
      List<String> path = Arrays.asList(f.group(1).split("\\."));
      if (!BUILT_IN.contains(path.get(0))) {
        out.add(path);
      }
    }
    return out;
  }

  private static String stripValues(String body) {
    return body.replaceAll("\\$?\\.Values(\\.\\w+)*", "V");
  }

  /** The keys after .Values in an expression like {@code $.ctx.Values.a.b}. */
  private static List<String> pathOf(String expr) {
    int at = expr.indexOf(".Values");
    return split(expr.substring(at + ".Values".length()));
  }

  private static List<String> split(String dotted) {
    return dotted.isEmpty() ? List.of() : Arrays.asList(dotted.substring(1).split("\\."));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<String> quoted(String keys) {
    List<String> out = new ArrayList<>();
    Matcher q = QUOTED.matcher(keys);
    while (q.find()) {
      out.add(q.group(1));
    }
    return out;
  }

  private static void blank(StringBuilder b, int from, int to) {
    for (int i = from; i < to; i++) {
      b.setCharAt(i, ' ');
    }
  }
}
