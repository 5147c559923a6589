package dev.wharf.cli.up;

import dev.wharf.cli.UserError;

/** The ports of the local platform; 0 picks a free one (the demo does, to run beside 'up'). */
record LocalPorts(int mysql, int redis, int keycloak, int greeter) {
  static final LocalPorts ANY = new LocalPorts(0, 0, 0, 0);

  LocalPorts {
    check("--mysql-port", mysql);
    check("--redis-port", redis);
    check("--keycloak-port", keycloak);
    check("--greeter-port", greeter);
  }

  private static void check(String option, int port) {
    if (port < 0 || port > 65535) {
      throw new UserError(option + " " + port + " is not a port: use 1 to 65535 (0 = any free port)");
    }
  }
}
