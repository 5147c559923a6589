package dev.wharf.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Keycloak server distribution (org.keycloak:keycloak-quarkus-dist, tar.gz): taken from the
 * local Maven repository when its checksum holds, else downloaded from Maven Central (or {@code
 * $WHARF_MAVEN_REPO}); unpacked once into the cache and built once for the options Wharf uses.
 */
final class KeycloakDistribution {

  static final String VERSION = "26.4.7";
  static final String ARTIFACT = "keycloak-quarkus-dist";
  static final String CENTRAL = "https://repo.maven.apache.org/maven2";

  /** Build-time options: changing them means a rebuild, so they are few and fixed. */
  static final List<String> BUILD_OPTIONS = List.of(
      "--db=dev-file",
      "--health-enabled=true",
      "--metrics-enabled=false",
      "--transaction-xa-enabled=false");

  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);

  private KeycloakDistribution() {}

  /** The unpacked and built Keycloak home in the cache, preparing it when needed. */
  static Path home(CacheDir cache, Jdks.Jdk jdk, Path log, ProgressListener progress) {
    String name = "keycloak-" + VERSION;
    Path home = cache.root().resolve(name);
    if (!Files.isDirectory(home)) {
      home = cache.installOnce(name, into -> {
        Path archive = archive(cache, progress);
        progress.message("unpacking Keycloak " + VERSION + " into " + cache.root());
        try {
          TarGz.extractStrippingTop(archive, into);
        } catch (IOException e) {
          if (archive.startsWith(cache.root())) {
            Files.deleteIfExists(archive);
          }
          throw new LocalRuntimeException("the Keycloak archive " + archive + " is corrupt (" + e.getMessage()
              + "); it was removed from the cache if it came from there. Try again to download it afresh", e);
        }
      });
    }
    build(cache, home, jdk, log, progress);
    return home;
  }

  /** Runs {@code kc.sh build} once per set of build options (recorded next to the install). */
  private static void build(CacheDir cache, Path home, Jdks.Jdk jdk, Path log, ProgressListener progress) {
    Path marker = home.resolve("wharf-build-options");
    String wanted = String.join(" ", BUILD_OPTIONS);
    if (readQuietly(marker).equals(wanted)) {
      return;
    }
    cache.withLock("keycloak-" + VERSION + "-build", () -> {
      if (readQuietly(marker).equals(wanted)) {
        return null;
      }
      progress.message("building Keycloak " + VERSION + " for Wharf (once; about a minute)");
      List<String> command = new java.util.ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
      command.addAll(BUILD_OPTIONS);
      Commands.run("Keycloak build", command, Map.of("JAVA_HOME", jdk.home().toString()), home, log, BUILD_TIMEOUT);
      Files.writeString(marker, wanted);
      return null;
    });
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** The verified tar.gz: from ~/.m2 when intact, else from the cache's downloads. */
  static Path archive(CacheDir cache, ProgressListener progress) {
    return archive(cache, progress, localRepository(), repository());
  }

  static Path archive(CacheDir cache, ProgressListener progress, Path localRepository, String repository) {
    String file = ARTIFACT + "-" + VERSION + ".tar.gz";
    Path local = localRepository.resolve("org/keycloak/" + ARTIFACT + "/" + VERSION + "/" + file);
    if (Files.exists(local)) {
      if (Download.matchesSha1File(local, local.resolveSibling(file + ".sha1"))) {
        return local;
      }
      progress.message("ignoring " + local + ": it does not match " + file + ".sha1 (or that file is missing); "
          + "downloading afresh");
    }
    Path downloaded = cache.root().resolve("downloads").resolve(file);
    if (Files.exists(downloaded) && Download.matchesSha1File(downloaded, downloaded.resolveSibling(file + ".sha1"))) {
      return downloaded;
    }
    URI url = URI.create(repository + "/org/keycloak/" + ARTIFACT + "/" + VERSION + "/" + file);
    progress.message("downloading Keycloak " + VERSION + " from " + url);
    Download.verified(url, downloaded, "Keycloak " + VERSION, progress);
    return downloaded;
  }

  static String repository() {
    String repo = System.getenv("WHARF_MAVEN_REPO");
    repo = repo == null || repo.isBlank() ? CENTRAL : repo.strip();
    return repo.endsWith("/") ? repo.substring(0, repo.length() - 1) : repo;
  }

  private static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }
}
