package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import dev.wharf.local.LocalRuntimeException;
import dev.wharf.local.Ports;

/** The ports of the local platform; 0 picks a free one (the demo does, to run beside 'up'). */
record LocalPorts(int mysql, int redis, int keycloak, int greeter) {
  static final LocalPorts ANY = new LocalPorts(0, 0, 0, 0);

  LocalPorts {
    check("--mysql-port", mysql);
    check("--redis-port", redis);
    check("--keycloak-port", keycloak);
    check("--greeter-port", greeter);
  }

  /**
   * Claims greeter's port (a free one when 0) and checks that the fixed server ports are free
   * before anything starts, so a clash names the option that moves it; greeter's port.
   */
  int claim() {
    int greeterPort = claim("greeter (--greeter-port)", greeter);
    claimFixed("MySQL (--mysql-port)", mysql);
    claimFixed("Redis (--redis-port)", redis);
    claimFixed("Keycloak (--keycloak-port)", keycloak);
    return greeterPort;
  }

  /** {@code port} checked free on loopback, or a free one when 0. */
  static int claim(String what, int port) {
    try {
      return Ports.claim(port);
    } catch (LocalRuntimeException e) {
      throw new UserError("port " + port + " for " + what + " is in use: stop the program using it"
          + " (e.g. 'ss -ltnp | grep :" + port + "'), run 'wharf down' if an earlier 'wharf up'"
          + " still runs, or choose another port");
    }
  }

  /** A fixed port checked free; 0 (any free port) needs no check. */
  private static void claimFixed(String what, int port) {
    if (port != 0) {
      claim(what, port);
    }
  }

  private static void check(String option, int port) {
    if (port < 0 || port > 65535) {
      throw new UserError(option + " " + port + " is not a port: use 1 to 65535 (0 = any free port)");
    }
  }
}
