package dev.wharf.cli.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.login.Session;
import dev.wharf.login.TokenCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picocli-free fast path answers only for a fresh cached token and the plain arguments. */
class TokenMainTest {

  private static final String ISSUER = "https://kc.example.com/realms/wharf";

  @TempDir Path configDir;

  private void cache(long expiresIn) {
    long now = Instant.now().getEpochSecond();
    new TokenCache(configDir).write(new Session(ISSUER, "kubernetes", "alice", "x.y.z",
        now - 600, now + expiresIn, "r", 0));
  }

  private String[] args(String... extra) {
    String[] base = {"token", "--issuer", ISSUER, "--config-dir", configDir.toString()};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void answersFromAFreshCache() {
    cache(300);
    assertThat(TokenMain.cachedCredential(args())).hasValueSatisfying(
        json -> assertThat(json).contains("\"token\":\"x.y.z\""));
    assertThat(TokenMain.cachedCredential(args("--client-id", "kubernetes"))).isPresent();
  }

  @Test
  void leavesEverythingElseToTheFullCommand() {
    cache(5);
    assertThat(TokenMain.cachedCredential(args())).as("nearly expired: refresh").isEmpty();
    cache(300);
    assertThat(TokenMain.cachedCredential(args("--help"))).isEmpty();
    assertThat(TokenMain.cachedCredential(args("--client-id", "other"))).isEmpty();
    assertThat(TokenMain.cachedCredential(new String[] {"token"})).isEmpty();
    assertThat(TokenMain.cachedCredential(new String[] {"login", "--issuer", ISSUER})).isEmpty();
    assertThat(TokenMain.cachedCredential(new String[] {"token", "--issuer", "not a url"})).isEmpty();
  }

  /**
   * kubectl runs this on every call: it must not load picocli, Jackson, the JOSE library,
   * SnakeYAML or the HTTP client, nor make the JVM generate classes (lambdas, string
   * concatenation). Checked in a fresh JVM from its class-loading log.
   */
  @Test
  void cachedPathLoadsNoHeavyLibraryAndGeneratesNoClasses() throws Exception {
    cache(300);
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(javaBin,
        "-Xlog:disable", "-Xlog:class+load=info:stdout",
        "-cp", System.getProperty("java.class.path"), TokenMain.class.getName()));
    command.addAll(List.of(args()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(log).isZero();
    assertThat(log).contains("\"token\":\"x.y.z\"")
        .contains("dev.wharf.login.TokenCache")
        .doesNotContain("picocli", "com.fasterxml", "com.nimbusds", "org.yaml", "java.net.http",
            "dev.wharf.cli.WharfCli")
        .doesNotContain("source: __");
  }
}
