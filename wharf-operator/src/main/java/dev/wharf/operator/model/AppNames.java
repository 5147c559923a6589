package dev.wharf.operator.model;

import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.Names;

/**
 * The names the operator gives to what it creates for an app in OpenBao, Harbor and the app's
 * namespace. Names on MySQL, Redis and Keycloak come from the provisioning library's
 * {@link Names}; these follow the platform contract (OpenBao path {@code apps/<ns>/<app>},
 * which the platform's policy {@code wharf-app} lets ServiceAccount {@code <app>} of
 * {@code <ns>} read, Secret {@code <app>-platform}).
 */
public final class AppNames {
  public static final String MANAGED_BY = "wharf-operator";
  public static final String APP_LABEL = "platform.wharf.dev/app";

  private AppNames() {}

  /**
   * KV v2 secret path inside the mount: {@code apps/<ns>/<app>}, that is
   * {@code apps/<namespace>/<service account>}, the path policy {@code wharf-app} grants.
   */
  public static String kvPath(AppRef app) {
    return "apps/" + app.namespace() + "/" + app.name();
  }

  public static String serviceAccount(AppRef app) {
    return app.name();
  }

  public static String platformSecret(AppRef app) {
    return app.name() + "-platform";
  }

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

  /** Grafana dashboard uid: at most 40 characters, while namespace + name can be 127. */
  public static String dashboardUid(AppRef app) {
    String plain = "wharf-" + app.namespace() + "-" + app.name();
    return plain.length() <= 40 ? plain
        : plain.substring(0, 31) + "-" + String.format("%08x", plain.hashCode());
  }

  /** The team's Harbor project is the team name. */
  public static String harborProject(String team) {
    return team;
  }

  /**
   * The description Wharf gives the app's robot: with the robot's name it marks the robot as
   * made by Wharf for this app, so a same-named robot made by someone else is left alone.
   */
  public static String harborRobotDescription(AppRef app) {
    return "Wharf: pull access for " + app;
  }

  /** The project of a robot named {@code robot$<project>+<name>}; empty for any other name. */
  public static java.util.Optional<String> harborRobotProject(String robotName) {
    int dollar = robotName.indexOf('$');
    int plus = robotName.indexOf('+');
    return dollar < 0 || plus < dollar ? java.util.Optional.empty()
        : java.util.Optional.of(robotName.substring(dollar + 1, plus));
  }

  /** Harbor's rule for robot names: lower-case runs joined by single '.', '_' or '-'. */
  private static final java.util.regex.Pattern HARBOR_ROBOT_NAME =
      java.util.regex.Pattern.compile("^[a-z0-9]+(?:[._-][a-z0-9]+)*$");

  /**
   * The robot's short name; Harbor makes it {@code robot$<project>+<this>}. Normally
   * {@code <namespace>.<app>}; a DNS label may hold "--", which Harbor refuses, so such a
   * name becomes {@code app-} and 24 hex digits of its SHA-256 (no '.', so it cannot equal
   * a plain name).
   */
  public static String harborRobot(AppRef app) {
    String plain = Names.qualified(app);
    if (HARBOR_ROBOT_NAME.matcher(plain).matches()) {
      return plain;
    }
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "app-" + java.util.HexFormat.of().formatHex(hash).substring(0, 24);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
