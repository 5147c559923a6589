package dev.wharf.provisioning.redis;

/** The server version, which decides which commands an ACL rule may name. */
public record RedisVersion(int major, int minor) implements Comparable<RedisVersion> {

  /** Parses {@code redis_version} from INFO, e.g. "7.0.15". */
  public static RedisVersion parse(String version) {
    String[] parts = version.trim().split("\\.");
    try {
      return new RedisVersion(Integer.parseInt(parts[0]),
          parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unreadable Redis version \"" + version + "\"", e);
    }
  }

  /** Reads the version line out of an {@code INFO server} reply. */
  public static RedisVersion fromInfo(String info) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("redis_version:")) {
        return parse(line.substring("redis_version:".length()));
      }
    }
    throw new IllegalArgumentException("INFO server has no redis_version line");
  }

  public boolean atLeast(int wantMajor, int wantMinor) {
    return major > wantMajor || (major == wantMajor && minor >= wantMinor);
  }

  @Override
  public int compareTo(RedisVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
