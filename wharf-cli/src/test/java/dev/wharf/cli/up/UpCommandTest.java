package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.cli.WharfCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** 'wharf up' and 'wharf down' refusing bad situations before they start anything. */
class UpCommandTest {
  @TempDir Path state;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aGreeterPortInUseStopsUpBeforeAnyServerStarts() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code = run("up", "--state-dir", state.toString(),
          "--greeter-port", Integer.toString(taken.getLocalPort()));
      assertThat(code).isNotZero();
      assertThat(err.toString())
          .contains("port " + taken.getLocalPort() + " for greeter")
          .contains("in use")
          .contains("wharf down");
    }
    assertThat(Files.exists(state.resolve("runtime"))).isFalse();
    assertThat(Files.exists(state.resolve("up.pid"))).isFalse();
  }

  @Test
  void aServerPortInUseNamesItsOptionBeforeAnyServerStarts() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code = run("up", "--state-dir", state.toString(), "--greeter-port", "0",
          "--keycloak-port", Integer.toString(taken.getLocalPort()));
      assertThat(code).isNotZero();
      assertThat(err.toString())
          .contains("port " + taken.getLocalPort() + " for Keycloak (--keycloak-port) is in use")
          .contains("wharf down");
    }
    assertThat(Files.exists(state.resolve("runtime"))).isFalse();
    assertThat(Files.exists(state.resolve("up.pid"))).isFalse();
  }

  @Test
  void aReadyTimeoutBelowOneSecondIsRefused() {
    int code = run("up", "--state-dir", state.toString(), "--ready-timeout", "0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--ready-timeout 0 is not a timeout");
    assertThat(Files.exists(state.resolve("up.pid"))).isFalse();
  }

  @Test
  void aPortOutOfRangeIsAUsageErrorNamingTheOption() {
    int code = run("up", "--state-dir", state.toString(), "--redis-port", "99999");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--redis-port 99999");
  }

  @Test
  void downWithNothingRunningSaysSo() {
    int code = run("down", "--state-dir", state.toString());
    assertThat(code).isZero();
    assertThat(out.toString()).contains("nothing to stop");
  }

  private int run(String... args) {
    CommandLine cli = WharfCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
