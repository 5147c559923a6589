package dev.wharf.operator.model;

import java.util.ArrayList;
import java.util.List;

/** Keys of the app's OpenBao secret; the first ten reach the app as Secret {@code <app>-platform}. */
public final class PlatformKeys {
  public static final String MYSQL_URL = "MYSQL_URL";
  public static final String MYSQL_USERNAME = "MYSQL_USERNAME";
  public static final String MYSQL_PASSWORD = "MYSQL_PASSWORD";
  public static final String REDIS_URL = "REDIS_URL";
  public static final String REDIS_USERNAME = "REDIS_USERNAME";
  public static final String REDIS_PASSWORD = "REDIS_PASSWORD";
  public static final String REDIS_KEY_PREFIX = "REDIS_KEY_PREFIX";
  public static final String OIDC_ISSUER_URI = "OIDC_ISSUER_URI";
  public static final String OIDC_CLIENT_ID = "OIDC_CLIENT_ID";
  public static final String OIDC_CLIENT_SECRET = "OIDC_CLIENT_SECRET";
  /** Registry credentials: used only for the dockerconfigjson pull Secret. */
  public static final String REGISTRY_USERNAME = "REGISTRY_USERNAME";
  public static final String REGISTRY_PASSWORD = "REGISTRY_PASSWORD";
  /** Harbor's id of the robot, so a stored secret is known to belong to the robot that exists. */
  public static final String REGISTRY_ROBOT_ID = "REGISTRY_ROBOT_ID";

  public static final List<String> MYSQL = List.of(MYSQL_URL, MYSQL_USERNAME, MYSQL_PASSWORD);
  public static final List<String> REDIS = List.of(REDIS_URL, REDIS_USERNAME, REDIS_PASSWORD, REDIS_KEY_PREFIX);
  public static final List<String> OIDC = List.of(OIDC_ISSUER_URI, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET);
  public static final List<String> REGISTRY = List.of(REGISTRY_USERNAME, REGISTRY_PASSWORD, REGISTRY_ROBOT_ID);

  private PlatformKeys() {}

  /**
   * The key that records, next to a credential, the rotate annotation value it was last
   * renewed for (e.g. MYSQL_PASSWORD_ROTATED). Not part of any Secret the app receives.
   */
  public static String rotated(String secretKey) {
    return secretKey + "_ROTATED";
  }

  /** The keys the app's Secret carries for the capabilities it has. */
  public static List<String> forApp(boolean mysql, boolean redis, boolean oidc) {
    List<String> keys = new ArrayList<>();
    if (mysql) {
      keys.addAll(MYSQL);
    }
    if (redis) {
      keys.addAll(REDIS);
    }
    if (oidc) {
      keys.addAll(OIDC);
    }
    return keys;
  }
}
