package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The developer journey of 'wharf demo', run in-process against real MariaDB, Redis and
 * Keycloak (this JVM's shared servers, {@link SharedServers}) and greeter's real jar, as CI's
 * proof of the demo.
 */
class DemoIT {
  @TempDir Path state;

  @Test
  void theJourneyPasses() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "demo", "--state-dir", state.toString());

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.getLast()).as(out + "\n" + err).matches("demo: passed in \\d+\\.\\d s");
    assertThat(code).isZero();
    assertThat(lines).anyMatch(l -> l.matches("demo: dev-b of team-b is refused \\(403\\) +ok .*"))
        .anyMatch(l -> l.matches("demo: token for another app's client is refused \\(401\\) +ok .*"))
        .anyMatch(l -> l.matches("demo: greeter's Redis user cannot read another prefix.* ok .*"))
        .anyMatch(l -> l.matches("demo: down +ok .*"));
  }

  @Test
  void aMissingGreeterJarFailsAtUpWithWhatToDo() {
    String jar = System.getProperty(GreeterJar.JAR_PROPERTY);
    System.setProperty(GreeterJar.JAR_PROPERTY, state.resolve("no-such.jar").toString());
    try {
      StringWriter out = new StringWriter();
      int code = run(out, new StringWriter(), "demo", "--state-dir", state.toString());
      assertThat(code).isEqualTo(1);
      assertThat(out.toString().lines().toList().getLast())
          .startsWith("demo: failed at up: ")
          .contains("no-such.jar")
          .contains("./mvnw -pl examples/greeter -am package");
    } finally {
      if (jar == null) {
        System.clearProperty(GreeterJar.JAR_PROPERTY);
      } else {
        System.setProperty(GreeterJar.JAR_PROPERTY, jar);
      }
    }
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = SharedServers.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
