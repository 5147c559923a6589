package dev.wharf.provisioning;

import dev.wharf.core.KeycloakServer;
import dev.wharf.core.MySqlServer;
import dev.wharf.core.RedisServer;
import dev.wharf.core.Secret;
import dev.wharf.local.Service;
import dev.wharf.local.SharedRuntime;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** The shared local servers, as the provisioning API takes them, and unique test names. */
public final class TestServers {

  private TestServers() {}

  public static MySqlServer mysql() {
    var e = SharedRuntime.get(Service.MYSQL).mysql();
    return e;
  }

  /**
   * The shared local Redis, or another one named by the system property
   * {@code wharf.test.redis} as {@code host:port:adminUser:adminPassword} (to run the Redis
   * tests against another server version).
   */
  public static RedisServer redis() {
    String other = System.getProperty("wharf.test.redis");
    if (other != null && !other.isBlank()) {
      String[] p = other.split(":", 4);
      return new RedisServer(p[0], Integer.parseInt(p[1]), p[2], Secret.of(p[3]));
    }
    var e = SharedRuntime.get(Service.REDIS).redis();
    return e;
  }

  /**
   * The shared local Keycloak, or another one named by the system property
   * {@code wharf.test.keycloak} as {@code baseUrl,adminUser,adminPassword}.
   */
  public static KeycloakServer keycloak() {
    String other = System.getProperty("wharf.test.keycloak");
    if (other != null && !other.isBlank()) {
      String[] p = other.split(",", 3);
      return new KeycloakServer(p[0], p[1], Secret.of(p[2]));
    }
    var e = SharedRuntime.get(Service.KEYCLOAK).keycloak();
    return e;
  }

  /** A fresh namespace per test, so tests sharing one server never see each other's apps. */
  public static String uniqueNamespace(String hint) {
    var bytes = new byte[3];
    ThreadLocalRandom.current().nextBytes(bytes);
    return hint + "-" + HexFormat.of().formatHex(bytes);
  }
}
