package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.cli.WharfCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * 'wharf up' when a server does not become ready in time: it says which log to read and how to
 * give more time, and stops every server it had started. Runs its own servers, as 'wharf up'
 * does.
 */
class UpNotReadyIT {
  @TempDir Path state;

  @Test
  void aServerNotReadyInTimeNamesItsLogAndLeavesNothingRunning() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // Keycloak cannot answer within a second, whatever the others do.
    int code = run(out, err, "up", "--state-dir", state.toString(), "--ready-timeout", "1",
        "--mysql-port", "0", "--redis-port", "0", "--keycloak-port", "0", "--greeter-port", "0");

    assertThat(code).as(out + "\n" + err).isEqualTo(1);
    assertThat(err.toString())
        .containsPattern("(MySQL \\(MariaDB\\)|Redis|Keycloak) was not ready within 1 s")
        .containsPattern("Read " + java.util.regex.Pattern.quote(state.resolve("runtime").toString())
            + "/(mysql|redis|keycloak)/\\w+\\.log")
        .contains("--ready-timeout SECONDS");
    assertThat(processesUnder(state)).isEmpty();
  }

  /** Every process whose command line names the state directory (servers and their guards). */
  private static List<String> processesUnder(Path dir) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().orElse(""))
        .filter(cmd -> cmd.contains(dir.toString()))
        .toList();
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = WharfCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
