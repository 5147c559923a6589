package dev.wharf.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every identifier Wharf derives for an app or team, in one place.
 *
 * <p>The scheme: an app's qualified name is {@code <namespace>.<app>}. A DNS label never
 * contains '.', so the qualified name is unambiguous across namespaces (unlike joining with
 * '-': {@code a-b}+{@code c} and {@code a}+{@code b-c} would both give {@code a-b-c}). It
 * contains neither '_' nor '%', which MySQL treats as wildcards in database-level grants.
 * The MySQL database, MySQL user, Redis ACL user and Keycloak client id are all the qualified
 * name. When a server limit is shorter than the qualified name (MySQL users: 32 characters,
 * databases: 64) the name keeps its start and ends with {@code ~} and 12 hex digits of the
 * SHA-256 of the qualified name; '~' never occurs in unshortened names, so shortened and
 * unshortened names cannot collide.
 */
public final class Names {

  public static final int MYSQL_USER_MAX = 32;
  public static final int MYSQL_DATABASE_MAX = 64;
  /** The Keycloak group of platform administrators. */
  public static final String PLATFORM_ADMINS_GROUP = "platform-admins";
  /** The platform realm. */
  public static final String REALM = "wharf";
  /** The Keycloak client scope that puts group names in tokens, and its claim. */
  public static final String GROUPS_SCOPE = "groups";
  public static final String GROUPS_CLAIM = "groups";

  private static final String REDIS_RULES_REFERENCE_PREFIX = "wharf-acl-rules-";
  private static final String SEPARATOR = ".";
  private static final String SHORTENED_MARK = "~";
  private static final int HASH_HEX_CHARS = 12;

  private Names() {}

  /** {@code <namespace>.<app>}: the base of every per-app identifier. */
  public static String qualified(AppRef app) {
    return app.namespace() + SEPARATOR + app.name();
  }

  public static String mysqlDatabase(AppRef app) {
    return fit(qualified(app), MYSQL_DATABASE_MAX);
  }

  public static String mysqlUser(AppRef app) {
    return fit(qualified(app), MYSQL_USER_MAX);
  }

  public static String redisUser(AppRef app) {
    return qualified(app);
  }

  /** The key prefix an app gets when its spec names none: {@code <app>:}. */
  public static KeyPrefix defaultKeyPrefix(AppRef app) {
    return KeyPrefix.of(app.name() + ":");
  }

  public static String keycloakClientId(AppRef app) {
    return qualified(app);
  }

  public static String keycloakGroup(TeamName team) {
    return team.value();
  }

  /**
   * The Redis ACL user that holds Wharf's command rules as the server writes them back; its
   * name carries a hash of the rules so a new rule set gets a new reference user.
   */
  public static String redisRulesReference(String rules) {
    return REDIS_RULES_REFERENCE_PREFIX + hash(rules);
  }

  /** True for a reference user of any rule set, e.g. one left by an older Wharf. */
  public static boolean isRedisRulesReference(String user) {
    return user.startsWith(REDIS_RULES_REFERENCE_PREFIX);
  }

  /** {@code name} itself when it fits in {@code max} characters, else a stable shortening. */
  static String fit(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    int keep = max - SHORTENED_MARK.length() - HASH_HEX_CHARS;
    return name.substring(0, keep) + SHORTENED_MARK + hash(name);
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
