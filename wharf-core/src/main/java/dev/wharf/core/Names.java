package dev.wharf.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Every name Wharf derives for an app or team, on every system, in one place.
 *
 * <p>The scheme: an app's qualified name is {@code <namespace>.<app>}. A DNS label never
 * contains '.', so the qualified name is unambiguous across namespaces (unlike joining with
 * '-': {@code a-b}+{@code c} and {@code a}+{@code b-c} would both give {@code a-b-c}). It
 * contains neither '_' nor '%', which MySQL treats as wildcards in database-level grants.
 * The MySQL database, MySQL user, Redis ACL user, Keycloak client id and Harbor robot are the
 * qualified name. Where a system does not allow '.', another character no DNS label holds
 * takes its place ('/' in OpenBao paths, '_' in Grafana uids). When a system's limit is
 * shorter than the name, the name keeps its start and ends with a mark that never occurs in
 * unshortened names and hex digits of the SHA-256 of the whole name, so shortened and
 * unshortened names cannot collide. Objects in the app's own namespace are named after the
 * app alone: the namespace already keeps them apart.
 */
public final class Names {

  public static final int MYSQL_USER_MAX = 32;
  public static final int MYSQL_DATABASE_MAX = 64;
  /** Grafana's limit on a dashboard uid. */
  public static final int DASHBOARD_UID_MAX = 40;
  /** The Keycloak group of platform administrators. */
  public static final String PLATFORM_ADMINS_GROUP = "platform-admins";
  /** The platform realm. */
  public static final String REALM = "wharf";
  /** The Keycloak client scope that puts group names in tokens, and its claim. */
  public static final String GROUPS_SCOPE = "groups";
  public static final String GROUPS_CLAIM = "groups";
  /** The value of app.kubernetes.io/managed-by on the objects the operator makes. */
  public static final String MANAGED_BY = "wharf-operator";
  /** The label naming the App an object belongs to. */
  public static final String APP_LABEL = "platform.wharf.dev/app";

  private static final String REDIS_RULES_REFERENCE_PREFIX = "wharf-acl-rules-";
  private static final String SEPARATOR = ".";
  private static final String SHORTENED_MARK = "~";
  private static final int HASH_HEX_CHARS = 12;
  /** Harbor's rule for robot names: lower-case runs joined by single '.', '_' or '-'. */
  private static final Pattern HARBOR_ROBOT_NAME = Pattern.compile("^[a-z0-9]+(?:[._-][a-z0-9]+)*$");

  private Names() {}

  /** {@code <namespace>.<app>}: the base of every per-app identifier. */
  public static String qualified(AppRef app) {
    return app.namespace() + SEPARATOR + app.name();
  }

  // MySQL, Redis, Keycloak

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
    return REDIS_RULES_REFERENCE_PREFIX + hash(rules, HASH_HEX_CHARS);
  }

  /** True for a reference user of any rule set, e.g. one left by an older Wharf. */
  public static boolean isRedisRulesReference(String user) {
    return user.startsWith(REDIS_RULES_REFERENCE_PREFIX);
  }

  // OpenBao

  /**
   * The app's KV v2 entry inside the mount: {@code apps/<namespace>/<app>}, that is
   * {@code apps/<namespace>/<service account>}, the path the platform's policy
   * {@code wharf-app} lets the app's ServiceAccount read.
   */
  public static String kvPath(AppRef app) {
    return "apps/" + app.namespace() + "/" + app.name();
  }

  // Harbor

  /** The team's Harbor project is the team name. */
  public static String harborProject(TeamName team) {
    return team.value();
  }

  /**
   * The robot's short name; Harbor makes it {@code robot$<project>+<this>}. Normally the
   * qualified name; a DNS label may hold "--", which Harbor refuses, so such a name becomes
   * {@code app-} and 24 hex digits of its SHA-256 (no '.', so it cannot equal a plain name).
   */
  public static String harborRobot(AppRef app) {
    String plain = qualified(app);
    return HARBOR_ROBOT_NAME.matcher(plain).matches() ? plain : "app-" + hash(plain, 24);
  }

  /**
   * The description Wharf gives the app's robot: with the robot's name it marks the robot as
   * made by Wharf for this app, so a same-named robot made by someone else is left alone.
   */
  public static String harborRobotDescription(AppRef app) {
    return "Wharf: pull access for " + app;
  }

  // Grafana

  /**
   * The dashboard's uid, unique in Grafana across all namespaces: {@code wharf-<namespace>_<app>}
   * (a DNS label holds no '_', and Grafana allows no '.'). Longer than Grafana's 40 characters,
   * it keeps its start and ends in {@code __} and 12 hex digits of the SHA-256; an unshortened
   * uid holds exactly one '_', so the two never meet.
   */
  public static String dashboardUid(AppRef app) {
    String plain = "wharf-" + app.namespace() + "_" + app.name();
    if (plain.length() <= DASHBOARD_UID_MAX) {
      return plain;
    }
    String mark = "__";
    return plain.substring(0, DASHBOARD_UID_MAX - mark.length() - HASH_HEX_CHARS) + mark + hash(plain, HASH_HEX_CHARS);
  }

  /**
   * The dashboard's file name inside its ConfigMap; Grafana's sidecar keeps the files of one
   * team in one folder, where the team's apps do not share a namespace and name.
   */
  public static String dashboardFile(AppRef app) {
    return app.namespace() + "-" + app.name() + ".json";
  }

  // The app's namespace

  public static String serviceAccount(AppRef app) {
    return app.name();
  }

  /** The Secret the pod reads the platform env keys from. */
  public static String platformSecret(AppRef app) {
    return app.name() + "-platform";
  }

  /** The dockerconfigjson Secret the kubelet pulls the app's images with. */
  public static String registrySecret(AppRef app) {
    return app.name() + "-registry";
  }

  public static String secretStore(AppRef app) {
    return app.name() + "-openbao";
  }

  public static String dashboardConfigMap(AppRef app) {
    return app.name() + "-dashboard";
  }

  public static String networkPolicy(AppRef app) {
    return app.name() + "-platform-egress";
  }

  /** {@code name} itself when it fits in {@code max} characters, else a stable shortening. */
  static String fit(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    int keep = max - SHORTENED_MARK.length() - HASH_HEX_CHARS;
    return name.substring(0, keep) + SHORTENED_MARK + hash(name, HASH_HEX_CHARS);
  }

  /** The first {@code hexChars} hex digits of the SHA-256 of {@code text}. */
  static String hash(String text, int hexChars) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, hexChars);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
