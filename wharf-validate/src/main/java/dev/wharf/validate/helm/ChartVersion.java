package dev.wharf.validate.helm;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chart version as Flux reads one (fluxcd/pkg version.ParseVersion on Masterminds/semver v3):
 * three numeric parts, an optional leading 'v', pre-release and build metadata.
 */
public record ChartVersion(BigInteger major, BigInteger minor, BigInteger patch, String pre, String original)
    implements Comparable<ChartVersion> {

  private static final String PART = "(0|[1-9]\\d*)";
  private static final String PRE_ID = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
  private static final Pattern VERSION = Pattern.compile("v?" + PART + "\\." + PART + "\\." + PART
      + "(?:-(" + PRE_ID + "(?:\\." + PRE_ID + ")*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  /** The version, or empty when {@code s} is not a full three-part semantic version. */
  public static Optional<ChartVersion> parse(String s) {
    Matcher m = s == null ? null : VERSION.matcher(s);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new ChartVersion(new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)),
        m.group(4) == null ? "" : m.group(4), s));
  }

  public boolean prerelease() {
    return !pre.isEmpty();
  }

  /** Semantic version precedence; build metadata does not count. */
  @Override
  public int compareTo(ChartVersion o) {
    int c = major.compareTo(o.major);
    if (c == 0) {
      c = minor.compareTo(o.minor);
    }
    if (c == 0) {
      c = patch.compareTo(o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (pre.isEmpty() || o.pre.isEmpty()) {
      return pre.isEmpty() == o.pre.isEmpty() ? 0 : pre.isEmpty() ? 1 : -1;
    }
    return comparePrerelease(pre, o.pre);
  }

  private static int comparePrerelease(String a, String b) {
    String[] as = a.split("\\.");
    String[] bs = b.split("\\.");
    for (int i = 0; i < Math.max(as.length, bs.length); i++) {
      String x = i < as.length ? as[i] : "";
      String y = i < bs.length ? bs[i] : "";
      int c = comparePart(x, y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Numeric identifiers compare as numbers and sort before alphanumeric ones; a missing one sorts first. */
  private static int comparePart(String x, String y) {
    if (x.equals(y)) {
      return 0;
    }
    if (x.isEmpty() || y.isEmpty()) {
      return x.isEmpty() ? -1 : 1;
    }
    boolean xn = x.chars().allMatch(Character::isDigit);
    boolean yn = y.chars().allMatch(Character::isDigit);
    if (xn && yn) {
      return new BigInteger(x).compareTo(new BigInteger(y));
    }
    if (xn != yn) {
      return xn ? -1 : 1;
    }
    return x.compareTo(y) > 0 ? 1 : -1;
  }

  @Override
  public String toString() {
    return original;
  }
}
