package dev.wharf.cli.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.login.Session;
import dev.wharf.login.TokenCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wharf token and wharf logout on the cached path, where no server is involved. */
class TokenCommandTest {

  private static final String ISSUER = "https://kc.example.com/realms/wharf";

  @TempDir Path configDir;

  private Session fresh(String issuer, String idToken) {
    long now = Instant.now().getEpochSecond();
    Session s = new Session(issuer, "kubernetes", "alice", idToken, now, now + 300,
        "refresh-secret", now + 1800);
    new TokenCache(configDir).write(s);
    return s;
  }

  @Test
  void printsTheCachedTokenAsExecCredential() throws Exception {
    fresh(ISSUER, "aaa.bbb.ccc");
    CliRun run = CliRun.of("token", "--issuer", ISSUER + "/", "--config-dir", configDir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("kind").asText()).isEqualTo("ExecCredential");
    assertThat(json.at("/status/token").asText()).isEqualTo("aaa.bbb.ccc");
  }

  @Test
  void withoutIssuerUsesTheOnlySessionAndAsksWhenThereAreSeveral() {
    fresh(ISSUER, "one.one.one");
    assertThat(CliRun.of("token", "--config-dir", configDir.toString()).out())
        .contains("one.one.one");
    fresh("https://other.example.com/realms/wharf", "two.two.two");
    CliRun run = CliRun.of("token", "--config-dir", configDir.toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("several issuers").contains("--issuer");
  }

  @Test
  void noSessionSaysToLogInAndExitsThree() {
    CliRun run = CliRun.of("token", "--issuer", ISSUER, "--config-dir", configDir.toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("run `wharf login --issuer " + ISSUER + "`");
  }

  @Test
  void corruptCacheNamesTheFileAndTheFixButNoToken() throws Exception {
    fresh(ISSUER, "secret.token.value");
    Path file = new TokenCache(configDir).fileFor(ISSUER, "kubernetes");
    Files.writeString(file, Files.readString(file).replace("version=1", "version=x"));
    CliRun run = CliRun.of("token", "--issuer", ISSUER, "--config-dir", configDir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(file.toString()).contains("wharf logout")
        .doesNotContain("secret.token.value");

    CliRun logout = CliRun.of("logout", "--config-dir", configDir.toString());
    assertThat(logout.exitCode()).isZero();
    assertThat(file).doesNotExist();
  }

  @Test
  void logoutWithNothingCachedIsFineTwice() {
    assertThat(CliRun.of("logout", "--config-dir", configDir.toString()).exitCode()).isZero();
    CliRun again = CliRun.of("logout", "--issuer", ISSUER, "--config-dir", configDir.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("Not signed in");
  }

  @Test
  void badIssuerIsAUsageError() {
    CliRun run = CliRun.of("token", "--issuer", "keycloak/realms/wharf");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("must start with https://");
  }

  @Test
  void loginChecksKubeconfigOptionsBeforeContactingTheIssuer() {
    CliRun run = CliRun.of("login", "--issuer", ISSUER, "--server", "http://api:6443",
        "--config-dir", configDir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("must be an https:// URL");
  }

  @Test
  void loginChecksTheKubeconfigFileBeforeContactingTheIssuer() throws Exception {
    Path kubeconfig = configDir.resolve("kubeconfig");
    String broken = "apiVersion: v1\nusers: {not: a list}\n";
    Files.writeString(kubeconfig, broken);
    // kc.example.com is never reached: a sign-in attempt would fail with "cannot reach".
    CliRun run = CliRun.of("login", "--issuer", ISSUER, "--kubeconfig", kubeconfig.toString(),
        "--exec-command", "/bin/sh", "--config-dir", configDir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'users' is not a list").doesNotContain("cannot reach");
    assertThat(Files.readString(kubeconfig)).isEqualTo(broken);

    Files.writeString(kubeconfig, "users: [\n");
    run = CliRun.of("login", "--issuer", ISSUER, "--kubeconfig", kubeconfig.toString(),
        "--exec-command", "/bin/sh", "--config-dir", configDir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(kubeconfig.toString()).contains("not valid YAML")
        .doesNotContain("cannot reach");
  }

  @Test
  void emptyClientIdOrTimeoutIsAUsageError() {
    for (String command : new String[] {"login", "token", "logout"}) {
      CliRun run = CliRun.of(command, "--issuer", ISSUER, "--client-id", "",
          "--config-dir", configDir.toString());
      assertThat(run.exitCode()).as(command).isEqualTo(2);
      assertThat(run.err()).as(command).contains("--client-id '' is not a client id")
          .contains("'kubernetes'");
    }
    CliRun spaced = CliRun.of("token", "--issuer", ISSUER, "--client-id", "kube rnetes",
        "--config-dir", configDir.toString());
    assertThat(spaced.exitCode()).isEqualTo(2);
    assertThat(spaced.err()).contains("without spaces");

    CliRun timeout = CliRun.of("login", "--issuer", ISSUER, "--timeout", "0", "--no-kubeconfig",
        "--config-dir", configDir.toString());
    assertThat(timeout.exitCode()).isEqualTo(2);
    assertThat(timeout.err()).contains("--timeout 0 is too short").doesNotContain("cannot reach");
  }

  @Test
  void loginFindsTheLauncherBeforeContactingTheIssuer() {
    CliRun run = CliRun.of("login", "--issuer", ISSUER,
        "--kubeconfig", configDir.resolve("kubeconfig").toString(),
        "--exec-command", configDir.resolve("no-such-wharf").toString(),
        "--config-dir", configDir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot tell where the wharf launcher is")
        .contains("--no-kubeconfig").doesNotContain("cannot reach");
    assertThat(configDir.resolve("kubeconfig")).doesNotExist();
  }
}
