package dev.wharf.cli.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsServer;
import dev.wharf.cli.WharfCli;
import dev.wharf.local.Service;
import dev.wharf.local.SharedRuntime;
import dev.wharf.login.TokenCache;
import dev.wharf.login.testing.TestBrowser;
import dev.wharf.login.testing.TestRealm;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The commands end to end, the way a developer and kubectl use them: {@code wharf login} with
 * Keycloak's login form, then the real kubectl running the exec plugin from the kubeconfig
 * against a loopback stand-in for the API server, then {@code wharf logout}.
 */
class LoginCommandsIT {

  private static final Pattern AUTH_URL = Pattern.compile("(http://\\S+/protocol/openid-connect/auth\\?\\S+)");
  private static TestRealm realm;

  @TempDir Path home;
  private Path configDir;
  private Path kubeconfig;
  private Path launcher;
  private HttpsServer apiServer;
  private final AtomicReference<String> seenAuthorization = new AtomicReference<>();

  @BeforeAll
  static void realm() {
    realm = TestRealm.create(SharedRuntime.get(Service.KEYCLOAK).keycloak(), "login-cli-it");
  }

  @BeforeEach
  void setUp() throws IOException {
    configDir = home.resolve("config");
    kubeconfig = home.resolve("kube/config");
    // Answers kubectl's GET /version and remembers the credentials it was sent. TLS, because
    // kubectl sends no credentials over plain HTTP.
    apiServer = LoopbackTls.server();
    apiServer.createContext("/version", exchange -> {
      seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] body = "{\"major\":\"1\",\"minor\":\"34\",\"gitVersion\":\"v1.34.0\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    apiServer.start();
    Files.createDirectories(kubeconfig.getParent());
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: local
          cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}
        - name: prod
          cluster: {server: "https://prod.example.com:6443", certificate-authority-data: Q0E=}
        contexts:
        - name: prod-admin
          context: {cluster: prod, user: prod-admin}
        users:
        - name: prod-admin
          user: {token: keep-this-token}
        current-context: prod-admin
        """.formatted(apiServer.getAddress().getPort()));
    // What ./wharf does for 'token' once the CLI is built, without its rebuild check.
    launcher = home.resolve("wharf");
    Path jar = Path.of("target", "wharf.jar").toAbsolutePath();
    Files.writeString(launcher, "#!/bin/sh\nexec '" + ProcessHandle.current().info().command()
        .orElse("java") + "' -cp '" + jar + "' dev.wharf.cli.login.TokenMain \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
  }

  @AfterEach
  void stopApiServer() {
    apiServer.stop(0);
  }

  @Test
  void loginWritesKubeconfigThatKubectlUsesAndLogoutEndsIt() throws Exception {
    CliRun login = loginThroughBrowser(realm.issuer());
    assertThat(login.exitCode()).as(login.err()).isZero();
    assertThat(login.out()).contains("Signed in to " + realm.issuer() + " as " + TestRealm.USER)
        .contains("context wharf");
    Path cacheFile = new TokenCache(configDir).fileFor(realm.issuer(), TestRealm.CLIENT);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheFile)))
        .isEqualTo("rw-------");

    // Existing entries survive; the new context points at the existing cluster.
    Map<String, Object> doc = new Yaml().load(Files.readString(kubeconfig));
    assertThat(doc.get("current-context")).isEqualTo("prod-admin");
    assertThat(doc.get("users").toString()).contains("keep-this-token");
    assertThat(doc.get("clusters").toString()).contains("https://prod.example.com:6443");
    assertThat(doc.get("contexts").toString()).contains("prod-admin")
        .contains("{name=wharf, context={cluster=local, user=kubernetes@127.0.0.1:");

    // kubectl runs 'wharf token' from the kubeconfig and sends the ID token.
    Proc kubectl = kubectl("--context", "wharf", "get", "--raw", "/version");
    assertThat(kubectl.exit()).as(kubectl.err()).isZero();
    assertThat(kubectl.out()).contains("v1.34.0");
    String idToken = new TokenCache(configDir).read(realm.issuer(), TestRealm.CLIENT)
        .orElseThrow().idToken();
    assertThat(seenAuthorization.get()).isEqualTo("Bearer " + idToken);

    CliRun logout = CliRun.of("logout", "--issuer", realm.issuer(),
        "--config-dir", configDir.toString());
    assertThat(logout.exitCode()).as(logout.err()).isZero();
    assertThat(logout.out()).contains("session revoked");
    assertThat(cacheFile).doesNotExist();

    Proc token = exec("token", "--issuer", realm.issuer(), "--config-dir", configDir.toString());
    assertThat(token.exit()).isEqualTo(3);
    assertThat(token.err()).contains("run `wharf login --issuer " + realm.issuer() + "`");
    assertThat(token.out()).isEmpty();

    Proc afterLogout = kubectl("--context", "wharf", "get", "--raw", "/version");
    assertThat(afterLogout.exit()).isNotZero();
    assertThat(afterLogout.err()).contains("wharf login --issuer " + realm.issuer());
  }

  @Test
  void expiredTokenIsRefreshedByTheExecPlugin() throws Exception {
    assertThat(loginThroughBrowser(realm.issuer()).exitCode()).isZero();
    TokenCache cache = new TokenCache(configDir);
    String first = cache.read(realm.issuer(), TestRealm.CLIENT).orElseThrow().idToken();
    await().atMost(Duration.ofSeconds(TestRealm.TOKEN_SECONDS + 5))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !cache.read(realm.issuer(), TestRealm.CLIENT).orElseThrow()
            .idTokenFreshAt(java.time.Instant.now()));

    Proc token = exec("token", "--issuer", realm.issuer(), "--config-dir", configDir.toString());
    assertThat(token.exit()).as(token.err()).isZero();
    JsonNode credential = new ObjectMapper().readTree(token.out());
    String renewed = credential.at("/status/token").asText();
    assertThat(renewed).isNotEqualTo(first)
        .isEqualTo(cache.read(realm.issuer(), TestRealm.CLIENT).orElseThrow().idToken());
  }

  @Test
  void wrongClientIdFailsBeforeAnyBrowserAndSaysWhatToFix() {
    CliRun run = CliRun.of("login", "--issuer", realm.issuer(), "--client-id", "kubrnetes",
        "--no-browser", "--config-dir", configDir.toString(), "--kubeconfig", kubeconfig.toString(),
        "--exec-command", launcher.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("client 'kubrnetes'").contains("--client-id")
        .doesNotContain("Open this URL");
  }

  /** Runs 'wharf login' and, once it prints the URL, signs in as the test user. */
  private CliRun loginThroughBrowser(String issuer) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = WharfCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute(
        "login", "--issuer", issuer, "--no-browser", "--timeout", "60",
        "--config-dir", configDir.toString(), "--kubeconfig", kubeconfig.toString(),
        "--cluster", "local", "--exec-command", launcher.toString()));
    String url = await().atMost(Duration.ofSeconds(30)).until(() -> {
      Matcher m = AUTH_URL.matcher(err.toString());
      return m.find() ? m.group(1) : null;
    }, u -> u != null || run.isDone());
    assertThat(url).as("login printed no URL: " + err).isNotNull();
    new TestBrowser(TestRealm.USER, TestRealm.PASSWORD, TestBrowser.Consent.APPROVE)
        .open(URI.create(url));
    int code = run.get(60, TimeUnit.SECONDS);
    return new CliRun(code, out.toString(), err.toString());
  }

  private Proc kubectl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
    cmd.addAll(List.of(args));
    return Proc.run(cmd);
  }

  private Proc exec(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    return Proc.run(cmd);
  }

  record Proc(int exit, String out, String err) {
    static Proc run(List<String> cmd) throws Exception {
      Process p = new ProcessBuilder(cmd).start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
        try {
          return p.getErrorStream().readAllBytes();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished: " + cmd).isTrue();
      return new Proc(p.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
    }
  }
}
