package dev.wharf.local;

/** A running Redis server (with ACLs) and its administrator account. */
public record RedisEndpoint(String host, int port, String adminUser, String adminPassword) {

  public String url() {
    return "redis://" + host + ":" + port;
  }

  @Override
  public String toString() {
    return "RedisEndpoint[" + host + ":" + port + ", admin=" + adminUser + "]";
  }
}
