package dev.wharf.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a JDK 21 or newer to run Keycloak on, in the same places as bin/find-jdk. */
final class Jdks {

  static final int MINIMUM = 21;
  private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"?([0-9][^\"]*)\"?", Pattern.MULTILINE);

  /** A Java installation and its version string (e.g. "25.0.1"). */
  record Jdk(Path home, String version) {
    int feature() {
      return featureOf(version);
    }
  }

  private Jdks() {}

  /** This JVM when it is new enough, else the first suitable installation found. */
  static Jdk find() {
    Jdk current = new Jdk(Path.of(System.getProperty("java.home")), Runtime.version().toString().split("\\+")[0]);
    return find(current, candidates());
  }

  static Jdk find(Jdk current, List<Path> candidates) {
    if (current.feature() >= MINIMUM) {
      return current;
    }
    for (Path home : candidates) {
      Optional<Jdk> jdk = inspect(home);
      if (jdk.isPresent() && jdk.get().feature() >= MINIMUM) {
        return jdk.get();
      }
    }
    throw new LocalRuntimeException("Keycloak needs Java " + MINIMUM + " or newer, and none was found (this JVM is "
        + current.feature() + "; also looked in WHARF_JAVA_HOME, JAVA_HOME and /usr/lib/jvm): install a JDK "
        + MINIMUM + "+ (for example the temurin-21-jdk or openjdk-21-jdk-headless package) or point JAVA_HOME at one");
  }

  static Optional<Jdk> inspect(Path home) {
    if (!Files.isExecutable(home.resolve("bin/java"))) {
      return Optional.empty();
    }
    try {
      Matcher m = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
      return m.find() ? Optional.of(new Jdk(home, m.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static int featureOf(String version) {
    String first = version.split("[.\\-+_]")[0];
    try {
      int major = Integer.parseInt(first);
      return major == 1 ? Integer.parseInt(version.split("\\.")[1]) : major;
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return 0;
    }
  }

  private static List<Path> candidates() {
    List<Path> homes = new ArrayList<>();
    for (String env : List.of("WHARF_JAVA_HOME", "JAVA_HOME")) {
      String value = System.getenv(env);
      if (value != null && !value.isBlank()) {
        homes.add(Path.of(value));
      }
    }
    for (String parent : List.of("/usr/lib/jvm", "/opt/java", "/usr/java",
        System.getProperty("user.home") + "/.sdkman/candidates/java", System.getProperty("user.home") + "/.jdks",
        "/Library/Java/JavaVirtualMachines")) {
      Path dir = Path.of(parent);
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
          for (Path child : children) {
            homes.add(child);
            homes.add(child.resolve("Contents/Home"));
          }
        } catch (IOException ignored) {
          // an unreadable directory holds no JDK we can use
        }
      }
    }
    return homes;
  }
}
