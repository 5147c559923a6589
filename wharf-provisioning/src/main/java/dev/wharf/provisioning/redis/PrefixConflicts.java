package dev.wharf.provisioning.redis;

import dev.wharf.core.KeyPrefix;
import java.util.List;
import java.util.Optional;

/**
 * Finds another ACL user whose keys overlap an app's prefix: two apps with prefixes
 * {@code greeter:} (or {@code greeter:} and {@code greeter:cache:}) would read each other's
 * keys. Users with access to all keys (administrators) are not apps and are ignored.
 */
public final class PrefixConflicts {

  /** A user and the key pattern of theirs that overlaps. */
  public record Conflict(String user, String pattern) {}

  private PrefixConflicts() {}

  /** Scans the lines of ACL LIST ({@code user <name> <rules...>}). */
  public static Optional<Conflict> find(List<String> aclList, String self, KeyPrefix prefix) {
    for (String line : aclList) {
      String[] tokens = line.trim().split("\\s+");
      if (tokens.length < 2 || !tokens[0].equals("user") || tokens[1].equals(self)) {
        continue;
      }
      for (int i = 2; i < tokens.length; i++) {
        String literal = literalPrefix(tokens[i]);
        if (literal != null && prefix.overlaps(literal)) {
          return Optional.of(new Conflict(tokens[1], tokens[i]));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The literal part of a key rule of the form {@code ~literal*} (also {@code %R~literal*}),
   * or null for other rules and for patterns that are not a plain prefix.
   */
  static String literalPrefix(String rule) {
    int tilde = rule.indexOf('~');
    if (tilde < 0 || (tilde > 0 && rule.charAt(0) != '%')) {
      return null;
    }
    String pattern = rule.substring(tilde + 1);
    if (!pattern.endsWith("*") || pattern.length() < 2) {
      return null; // "~*" is every key: an administrator, not an app
    }
    String literal = pattern.substring(0, pattern.length() - 1);
    return literal.matches(".*[*?\\[\\]\\\\].*") ? null : literal;
  }
}
