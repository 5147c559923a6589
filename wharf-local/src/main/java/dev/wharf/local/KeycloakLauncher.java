package dev.wharf.local;

import dev.wharf.core.KeycloakServer;
import dev.wharf.core.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak in production mode ({@code start --optimized}, faster than start-dev) as a child
 * process on a JDK 21+, HTTP on 127.0.0.1, its H2 database under the state directory and the
 * bootstrap administrator from the persisted credentials.
 */
final class KeycloakLauncher {

  static final String ADMIN_USER = "admin";
  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private KeycloakLauncher() {}

  static RunningServer start(ServiceContext ctx) {
    ctx.prepare();
    Jdks.Jdk jdk = Jdks.find();
    Path home = KeycloakDistribution.home(ctx.cache(), jdk, ctx.logFile(), ctx.progress());
    int managementPort = Ports.pickFree();
    Path tmp = ctx.dir().resolve("tmp");
    try {
      Files.createDirectories(tmp);
      Files.createDirectories(ctx.dataDir());
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot create " + tmp + ": " + e.getMessage(), e);
    }
    List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
        "--http-enabled=true",
        "--http-host=127.0.0.1",
        "--http-port=" + ctx.port(),
        "--http-management-port=" + managementPort,
        "--hostname-strict=false",
        "--cache=local",
        // the H2 database goes to <dir>/data/h2, not into the shared install
        "--db-url-path=" + ctx.dir());
    Map<String, String> env = Map.of(
        "JAVA_HOME", jdk.home().toString(),
        "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
        "KC_BOOTSTRAP_ADMIN_PASSWORD", ctx.adminPassword(),
        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
        "JAVA_OPTS_APPEND", String.join(" ", jvmOptions(ctx, home, jdk).stream().map(KeycloakLauncher::quoted).toList()));
    boolean existingDatabase = Files.isDirectory(ctx.dataDir().resolve("h2"));
    ChildProcess process = ctx.launch(command, env, GRACE);
    URI health = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
    try {
      process.awaitReady(ctx.readyTimeout(), Duration.ofMillis(250), () -> isReady(health));
      if (existingDatabase) {
        checkAdminPassword(ctx);
      }
    } catch (RuntimeException e) {
      process.stop(GRACE);
      throw e;
    }
    KeycloakServer endpoint = new KeycloakServer("http://127.0.0.1:" + ctx.port(), ADMIN_USER, Secret.of(ctx.adminPassword()));
    return new RunningServer(Service.KEYCLOAK, process, GRACE, endpoint);
  }

  /**
   * Startup speed on a small machine: C1 only (C2 competes for the cores while starting), and
   * an application class-data archive per JDK in the cache (written by the first run's exit).
   * Transaction logs and temp files stay in the instance's own directory.
   */
  static List<String> jvmOptions(ServiceContext ctx, Path home, Jdks.Jdk jdk) {
    return List.of(
        "-XX:TieredStopAtLevel=1",
        "-XX:+AutoCreateSharedArchive",
        "-XX:SharedArchiveFile=" + home.resolve("wharf-cds-" + jdk.version().replaceAll("[^0-9A-Za-z.]", "_") + ".jsa"),
        "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off",
        "-Djava.io.tmpdir=" + ctx.dir().resolve("tmp"),
        "-Dquarkus.transaction-manager.object-store.directory=" + ctx.dataDir().resolve("transaction-logs"));
  }

  /**
   * The bootstrap administrator is only created with a new database; an old database with a
   * password that no longer matches admin-credentials would fail every caller later, so say it
   * now, with the fix.
   */
  private static void checkAdminPassword(ServiceContext ctx) {
    String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN_USER + "&password="
        + URLEncoder.encode(ctx.adminPassword(), StandardCharsets.UTF_8);
    URI token = URI.create("http://127.0.0.1:" + ctx.port() + "/realms/master/protocol/openid-connect/token");
    int status;
    try {
      status = HTTP.send(HttpRequest.newBuilder(token).timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new LocalRuntimeException("Keycloak started but its token endpoint " + token + " failed: " + Download.reason(e)
          + ". Read " + ctx.logFile(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalRuntimeException("interrupted while checking Keycloak's administrator", e);
    }
    if (status == 401) {
      throw new LocalRuntimeException("Keycloak's database in " + ctx.dataDir() + " was made with another administrator "
          + "password than the one in " + ctx.dir().getParent().resolve(AdminCredentials.FILE_NAME) + ": delete "
          + ctx.dataDir() + " to start Keycloak afresh, or put the old admin-credentials file back");
    }
  }

  /** kc.sh splits JAVA_OPTS with xargs, which honours double quotes: paths may hold spaces. */
  static String quoted(String option) {
    return "\"" + option.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static boolean isReady(URI health) throws IOException, InterruptedException {
    HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    return response.statusCode() == 200;
  }
}
