package dev.wharf.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ports, credentials, versions: the logic that needs no server. */
class SmallPartsTest {

  @TempDir Path dir;

  @Test
  void aPortInUseGetsTheClearMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(Ports.LOOPBACK, 0));
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> Ports.claim(port))
          .isInstanceOf(LocalRuntimeException.class)
          .hasMessage("port " + port + " on 127.0.0.1 is in use: stop the program using it, or choose another port");
    }
  }

  @Test
  void aReadinessCheckWithoutMessageIsStillDescribed() {
    assertThat(ChildProcess.describe(new java.net.ConnectException())).isEqualTo("ConnectException");
    assertThat(ChildProcess.describe(new java.io.IOException("connection reset"))).isEqualTo("connection reset");
    assertThat(ChildProcess.describe(null)).isEqualTo("not ready");
  }

  @Test
  void portZeroPicksAFreePort() throws Exception {
    int port = Ports.claim(0);
    assertThat(port).isBetween(1, 65535);
    try (ServerSocket s = new ServerSocket(port, 1, Ports.LOOPBACK)) {
      assertThat(s.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void credentialsArePrivateStableAndRedacted() throws Exception {
    AdminCredentials first = AdminCredentials.loadOrCreate(dir);
    AdminCredentials again = AdminCredentials.loadOrCreate(dir);

    for (Service s : Service.values()) {
      assertThat(first.password(s)).hasSize(32).matches("[A-Za-z0-9]+").isEqualTo(again.password(s));
      assertThat(first.toString()).doesNotContain(first.password(s));
    }
    assertThat(first.password(Service.MYSQL)).isNotEqualTo(first.password(Service.REDIS));
    assertThat(Files.getPosixFilePermissions(dir.resolve("admin-credentials")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(AdminCredentials.loadOrCreate(dir.resolve("other")).password(Service.MYSQL))
        .isNotEqualTo(first.password(Service.MYSQL));
  }

  @Test
  void redisVersionsCompareNumerically() {
    int[] v = RedisLauncher.parseVersion("Redis server v=6.10.1 sha=0 malloc=libc").orElseThrow();
    assertThat(v).containsExactly(6, 10, 1);
    assertThat(RedisLauncher.compare(v, RedisLauncher.MINIMUM_VERSION)).isPositive();
    assertThat(RedisLauncher.compare(new int[] {6, 0, 16}, RedisLauncher.MINIMUM_VERSION)).isNegative();
    assertThat(RedisLauncher.parseVersion("not redis")).isEmpty();
  }

  @Test
  void jdkVersionsAreReadFromReleaseStrings() {
    assertThat(Jdks.featureOf("25.0.1")).isEqualTo(25);
    assertThat(Jdks.featureOf("21")).isEqualTo(21);
    assertThat(Jdks.featureOf("1.8.0_392")).isEqualTo(8);
    assertThat(Jdks.featureOf("garbage")).isZero();
  }

  @Test
  void withoutAJdk21KeycloakSaysHowToGetOne() throws Exception {
    Jdks.Jdk old = new Jdks.Jdk(dir.resolve("jdk17"), "17.0.12");
    Path jdk17 = fakeJdk("jdk17", "17.0.12");

    assertThatThrownBy(() -> Jdks.find(old, java.util.List.of(jdk17, dir.resolve("nothing-here"))))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessageContaining("Keycloak needs Java 21 or newer")
        .hasMessageContaining("point JAVA_HOME at one");

    Path jdk21 = fakeJdk("jdk21", "21.0.5");
    assertThat(Jdks.find(old, java.util.List.of(jdk17, jdk21)).home()).isEqualTo(jdk21);
  }

  private Path fakeJdk(String name, String version) throws Exception {
    Path home = Files.createDirectories(dir.resolve(name).resolve("bin")).getParent();
    Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    FileModes.makeExecutable(java);
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  @Test
  void maven_sha1_files_are_parsed_with_or_without_a_file_name() {
    String hash = "a".repeat(40);
    assertThat(Download.parseSha1(hash)).hasValue(hash);
    assertThat(Download.parseSha1(hash.toUpperCase() + "  x.tar.gz\n")).hasValue(hash);
    assertThat(Download.parseSha1("<html>not found</html>")).isEmpty();
  }

  @Test
  void theAdminSqlQuotesTheAccountAndGrantsEverything() {
    String sql = MariaDbLauncher.adminSql("Secret123");
    assertThat(sql).contains("CREATE USER IF NOT EXISTS 'wharf_admin'@'%' IDENTIFIED BY 'Secret123';")
        .contains("GRANT ALL PRIVILEGES ON *.* TO 'wharf_admin'@'localhost' WITH GRANT OPTION;");
  }

  @Test
  void aBuilderWithoutStateDirSaysWhatToDo() {
    assertThatThrownBy(() -> LocalRuntime.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stateDir(path)");
  }

  @Test
  void aFailedCommandNamesTheErrorsOfThisRunNotOnlyTheAdviceAtTheEnd(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("tool.log");
    Files.writeString(log, "---- wharf: earlier\n[ERROR] an old failure\n");
    String script = "echo '2026-12-05 [ERROR] Can not create directory x'; for i in $(seq 20); do echo advice $i; done; exit 1";
    assertThatThrownBy(() -> Commands.run("the tool", java.util.List.of("sh", "-c", script), java.util.Map.of(), dir, log,
        java.time.Duration.ofSeconds(10)))
        .hasMessageContaining("the errors in it:\n2026-12-05 [ERROR] Can not create directory x")
        .hasMessageNotContaining("an old failure")
        .hasMessageContaining("advice 20");
  }
}
