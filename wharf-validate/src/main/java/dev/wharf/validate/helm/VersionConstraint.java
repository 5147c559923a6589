package dev.wharf.validate.helm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint with the grammar and semantics of Masterminds/semver v3, which Flux uses
 * to pick a chart version: {@code ||} between alternatives, commas or spaces between terms,
 * operators = != > < >= <= ~ ~> ^, wildcards (1.2.x, *), hyphen ranges (1.2 - 1.4.5), and
 * pre-releases only when the alternative names one. {@code v4.11.0} is {@code =4.11.0}.
 */
public final class VersionConstraint {
  private static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
      + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
  private static final String OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
  private static final Pattern ONE = Pattern.compile("^\\s*(" + OPS + ")\\s*(" + CV + ")\\s*$");
  private static final Pattern RANGE = Pattern.compile("\\s*(" + CV + ")\\s+-\\s+(" + CV + ")\\s*");
  private static final Pattern FIND = Pattern.compile("(" + OPS + ")\\s*(" + CV + ")");
  private static final Pattern VALID = Pattern.compile("^(\\s*(" + OPS + ")\\s*(" + CV + ")\\s*)((?:\\s+|,\\s*)(" + OPS + ")\\s*(" + CV + ")\\s*)*$");
  /** Masterminds' loose version: minor and patch may be missing. */
  private static final Pattern LOOSE = Pattern.compile("v?(0|[1-9]\\d*)(?:\\.(0|[1-9]\\d*))?(?:\\.(0|[1-9]\\d*))?"
      + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
      + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  private record Term(String op, ChartVersion con, boolean dirty, boolean minorDirty, boolean patchDirty) {}

  private final List<List<Term>> alternatives;
  private final List<Boolean> withPre;
  private final String text;

  private VersionConstraint(String text, List<List<Term>> alternatives, List<Boolean> withPre) {
    this.text = text;
    this.alternatives = alternatives;
    this.withPre = withPre;
  }

  /** The constraint, or empty when {@code s} is not one Masterminds/semver would accept. */
  public static Optional<VersionConstraint> parse(String s) {
    String c = rewriteRanges(s);
    List<List<Term>> ors = new ArrayList<>();
    List<Boolean> pre = new ArrayList<>();
    for (String alt : c.split("\\|\\|", -1)) {
      if (!VALID.matcher(alt).matches()) {
        return Optional.empty();
      }
      List<Term> terms = new ArrayList<>();
      Matcher m = FIND.matcher(alt);
      while (m.find()) {
        Optional<Term> t = term(m.group());
        if (t.isEmpty()) {
          return Optional.empty();
        }
        terms.add(t.get());
      }
      ors.add(terms);
      pre.add(terms.stream().anyMatch(t -> t.con().prerelease()));
    }
    return Optional.of(new VersionConstraint(s, ors, pre));
  }

  public boolean matches(ChartVersion v) {
    for (int i = 0; i < alternatives.size(); i++) {
      boolean includePre = withPre.get(i);
      if (alternatives.get(i).stream().allMatch(t -> check(t, v, includePre))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }

  private static String rewriteRanges(String s) {
    Matcher m = RANGE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(">= " + m.group(1) + ", <= " + m.group(11) + " "));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Optional<Term> term(String s) {
    Matcher m = ONE.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    String major = m.group(3);
    String minor = strip(m.group(4));
    String patch = strip(m.group(5));
    String pre = m.group(6) == null ? "" : m.group(6);
    String op = m.group(1);
    if (isX(major)) {
      return loose("0.0.0" + pre).map(v -> new Term(op, v, true, false, false));
    }
    if (minor == null || isX(minor)) {
      return loose(major + ".0.0" + pre).map(v -> new Term(op, v, true, true, false));
    }
    if (patch == null || isX(patch)) {
      return loose(major + "." + minor + ".0" + pre).map(v -> new Term(op, v, true, false, true));
    }
    return loose(m.group(2)).map(v -> new Term(op, v, false, false, false));
  }

  private static String strip(String dotted) {
    return dotted == null ? null : dotted.substring(1);
  }

  private static boolean isX(String s) {
    return s.equals("x") || s.equals("X") || s.equals("*");
  }

  /** Masterminds' NewVersion: like ChartVersion but minor and patch may be left out. */
  static Optional<ChartVersion> loose(String s) {
    Matcher m = LOOSE.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new ChartVersion(new BigInteger(m.group(1)), m.group(2) == null ? BigInteger.ZERO : new BigInteger(m.group(2)),
        m.group(3) == null ? BigInteger.ZERO : new BigInteger(m.group(3)), m.group(4) == null ? "" : m.group(4), s));
  }

  private static boolean check(Term t, ChartVersion v, boolean includePre) {
    if (v.prerelease() && !includePre) {
      return false;
    }
    return switch (t.op()) {
      case "", "=" -> t.dirty() ? tilde(t, v) : v.compareTo(t.con()) == 0;
      case "!=" -> notEqual(t, v);
      case ">" -> greaterThan(t, v);
      case "<" -> v.compareTo(t.con()) < 0;
      case ">=", "=>" -> v.compareTo(t.con()) >= 0;
      case "<=", "=<" -> lessThanEqual(t, v);
      case "~", "~>" -> tilde(t, v);
      case "^" -> caret(t, v);
      default -> false;
    };
  }

  private static boolean notEqual(Term t, ChartVersion v) {
    ChartVersion c = t.con();
    if (t.dirty()) {
      if (!c.major().equals(v.major())) {
        return true;
      }
      if (!c.minor().equals(v.minor()) && !t.minorDirty()) {
        return true;
      } else if (t.minorDirty()) {
        return false;
      } else if (!c.patch().equals(v.patch()) && !t.patchDirty()) {
        return true;
      } else if (t.patchDirty()) {
        return (v.prerelease() || c.prerelease()) && !v.pre().equals(c.pre());
      }
    }
    return v.compareTo(c) != 0;
  }

  private static boolean greaterThan(Term t, ChartVersion v) {
    ChartVersion c = t.con();
    if (!t.dirty()) {
      return v.compareTo(c) > 0;
    }
    int major = v.major().compareTo(c.major());
    if (major != 0) {
      return major > 0;
    }
    if (t.minorDirty()) {
      return false;
    }
    if (t.patchDirty()) {
      return v.minor().compareTo(c.minor()) > 0;
    }
    return v.compareTo(c) > 0;
  }

  private static boolean lessThanEqual(Term t, ChartVersion v) {
    ChartVersion c = t.con();
    if (!t.dirty()) {
      return v.compareTo(c) <= 0;
    }
    if (v.major().compareTo(c.major()) > 0) {
      return false;
    }
    return !(v.major().equals(c.major()) && v.minor().compareTo(c.minor()) > 0 && !t.minorDirty());
  }

  private static boolean tilde(Term t, ChartVersion v) {
    ChartVersion c = t.con();
    if (v.compareTo(c) < 0) {
      return false;
    }
    boolean zero = c.major().signum() == 0 && c.minor().signum() == 0 && c.patch().signum() == 0;
    if (zero && !t.minorDirty() && !t.patchDirty()) {
      return true;
    }
    if (!v.major().equals(c.major())) {
      return false;
    }
    return v.minor().equals(c.minor()) || t.minorDirty();
  }

  private static boolean caret(Term t, ChartVersion v) {
    ChartVersion c = t.con();
    if (v.compareTo(c) < 0) {
      return false;
    }
    if (c.major().signum() > 0 || t.minorDirty()) {
      return v.major().equals(c.major());
    }
    if (v.major().signum() > 0) {
      return false;
    }
    if (c.minor().signum() > 0 || t.patchDirty()) {
      return v.minor().equals(c.minor());
    }
    if (v.minor().signum() > 0) {
      return false;
    }
    return c.patch().equals(v.patch());
  }
}
