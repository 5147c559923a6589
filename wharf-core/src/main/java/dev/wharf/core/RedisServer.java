package dev.wharf.core;

import java.util.Objects;

/**
 * A Redis server (6.2 or newer, with ACLs) and the administrator account that provisions on it
 * (in a cluster: redis.redis.svc:6379; locally: the runtime's Redis, as wharf-local starts it).
 * toString shows no password.
 */
public record RedisServer(String host, int port, String adminUser, Secret adminPassword) {

  public RedisServer {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(adminUser, "adminUser");
    Objects.requireNonNull(adminPassword, "adminPassword");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Redis port out of range: " + port);
    }
  }

  /** {@code redis://host:port}: the form apps receive as REDIS_URL. */
  public String url() {
    return "redis://" + host + ":" + port;
  }
}
