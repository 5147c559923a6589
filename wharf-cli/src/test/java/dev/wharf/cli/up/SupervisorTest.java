package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervisor's decisions, with processes that exit when told to. */
class SupervisorTest {
  private final StringWriter out = new StringWriter();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CompletableFuture<Integer> failed = new CompletableFuture<>();
  private Supervisor supervisor;

  /** A process that exits when {@link #crash} is called and runs again after restart. */
  static final class FakeProcess implements Supervisor.Watched {
    final String name;
    volatile Integer status;
    final AtomicInteger restarts = new AtomicInteger();
    volatile boolean comesBack = true;

    FakeProcess(String name) {
      this.name = name;
    }

    void crash(int exitStatus) {
      status = exitStatus;
    }

    @Override public String name() { return name; }
    @Override public OptionalInt exitStatus() { return status == null ? OptionalInt.empty() : OptionalInt.of(status); }
    @Override public Path log() { return Path.of("/state/" + name + ".log"); }

    @Override
    public void restart() {
      restarts.incrementAndGet();
      if (!comesBack) {
        throw new IllegalStateException(name + " did not answer within 1 s");
      }
      status = null;
    }
  }

  private void supervise(FakeProcess... processes) {
    supervisor = new Supervisor(() -> List.of(processes), stopping::get, failed::complete,
        new PrintWriter(out, true), new RestartBudget(2, Duration.ofMinutes(10), Duration.ofMillis(10)));
    supervisor.start();
  }

  @AfterEach
  void stop() {
    supervisor.stop();
  }

  @Test
  void aCrashIsReportedWithStatusAndLogThenRestarted() {
    FakeProcess mysql = new FakeProcess("MySQL");
    FakeProcess redis = new FakeProcess("Redis");
    supervise(mysql, redis);
    mysql.crash(137);
    await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("MySQL is back"));
    assertThat(out.toString())
        .contains("wharf: MySQL exited unexpectedly (exit status 137: killed by signal 9 (SIGKILL)); its log: "
            + Path.of("/state/MySQL.log"))
        .contains("wharf: restarting MySQL...")
        .doesNotContain("Redis");
    assertThat(mysql.restarts).hasValue(1);
    assertThat(failed).isNotDone();
  }

  @Test
  void oneThatKeepsCrashingStopsEverythingWithANonZeroCode() throws Exception {
    FakeProcess greeter = new FakeProcess("greeter");
    supervise(greeter);
    for (int i = 0; i < 2; i++) {
      greeter.crash(1);
      int restarts = i + 1;
      await().atMost(Duration.ofSeconds(10)).until(() -> greeter.restarts.get() == restarts && greeter.status == null);
    }
    greeter.crash(1);
    assertThat(failed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(out.toString()).contains("wharf: greeter exited 2 times within 10 minutes; stopping everything."
        + " Read " + Path.of("/state/greeter.log") + " for why.");
    assertThat(greeter.restarts).hasValue(2);
  }

  @Test
  void oneThatDoesNotComeBackStopsEverything() throws Exception {
    FakeProcess keycloak = new FakeProcess("Keycloak");
    keycloak.comesBack = false;
    supervise(keycloak);
    keycloak.crash(1);
    assertThat(failed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(out.toString()).contains("wharf: Keycloak did not come back (Keycloak did not answer within 1 s);"
        + " stopping everything.");
  }

  @Test
  void exitsFromCtrlCAreTheUserStoppingNotACrash() throws Exception {
    FakeProcess mysql = new FakeProcess("MySQL");
    supervise(mysql);
    mysql.crash(130); // SIGINT reached the whole terminal process group
    Thread.sleep(300);
    stopping.set(true); // then the shutdown hook begins
    Thread.sleep(600);
    assertThat(mysql.restarts).hasValue(0);
    assertThat(out.toString()).isEmpty();
    assertThat(failed).isNotDone();
  }
}
