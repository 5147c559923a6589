package dev.wharf.cli.app;

/** The prewritten bases under apps/base an app starts from. */
enum Base {
  WEB_SERVICE("web-service", "Deployment"),
  STATEFUL_SERVICE("stateful-service", "StatefulSet");

  private final String dir;
  private final String workload;

  Base(String dir, String workload) {
    this.dir = dir;
    this.workload = workload;
  }

  /** The base's directory under apps/base. */
  String dir() {
    return dir;
  }

  /** The kind of the base's workload. */
  String workload() {
    return workload;
  }

  /** Only web-service has an HTTPRoute, an HPA and the Deployment Flagger releases. */
  boolean routed() {
    return this == WEB_SERVICE;
  }
}
