package dev.wharf.cli.up;

import picocli.CommandLine.Option;

/** The loopback ports of 'wharf up'; fixed by default so URLs and bookmarks stay the same. */
public final class PortOptions {
  @Option(names = "--mysql-port", defaultValue = "13306", paramLabel = "PORT",
      description = "MySQL (MariaDB) port (default: ${DEFAULT-VALUE}).")
  int mysql;

  @Option(names = "--redis-port", defaultValue = "16379", paramLabel = "PORT",
      description = "Redis port (default: ${DEFAULT-VALUE}).")
  int redis;

  @Option(names = "--keycloak-port", defaultValue = "18080", paramLabel = "PORT",
      description = "Keycloak port (default: ${DEFAULT-VALUE}).")
  int keycloak;

  @Option(names = "--greeter-port", defaultValue = "18081", paramLabel = "PORT",
      description = "greeter's port (default: ${DEFAULT-VALUE}).")
  int greeter;

  LocalPorts ports() {
    return new LocalPorts(mysql, redis, keycloak, greeter);
  }
}
