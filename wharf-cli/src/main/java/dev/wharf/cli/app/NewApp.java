package dev.wharf.cli.app;

/**
 * What {@code wharf app new} was asked for, with every default resolved: the app's name and
 * team, its base, what its App resource enables and which of the platform's components its
 * overlays use. Plain data; {@link AppFiles} turns it into files.
 */
record NewApp(
    String name,
    String team,
    Base base,
    ImageRef image,
    Capabilities capabilities,
    boolean tracing,
    boolean progressiveDelivery,
    boolean publicIngress) {

  /** What the App resource asks the operator for. */
  record Capabilities(boolean mysql, boolean redis, boolean oidc, boolean registry, boolean dashboards) {}

  /** The app's directory, relative to the tree: apps/<team>/<name>. */
  String dir() {
    return "apps/" + team + "/" + name;
  }

  /** The Redis key prefix: qualified by the team, so an app of the same name in another team never overlaps it. */
  String keyPrefix() {
    return team + ":" + name + ":";
  }

  /** The app's hostname in an environment. */
  String host(Environment env) {
    return name + "." + env.appsDomain();
  }
}
