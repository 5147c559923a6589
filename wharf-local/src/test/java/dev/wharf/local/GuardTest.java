package dev.wharf.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard and pid-file logic, with {@code sleep} standing in for a server. */
class GuardTest {

  @TempDir Path dir;

  private ChildProcess startSleep() {
    Path guard = Guard.script(new CacheDir(dir.resolve("cache")));
    return ChildProcess.start(guard, launch(Service.REDIS, List.of("sleep", "300"), Map.of(), dir,
        dir.resolve("redis.log"), dir.resolve("redis.pids"), Duration.ofSeconds(2)));
  }

  private static ProcessHandle sleepUnder(ChildProcess child) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      var sleep = child.tree().stream().filter(p -> p.info().command().orElse("").endsWith("sleep")).findFirst();
      if (sleep.isPresent()) {
        return sleep.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the guard did not start its command: " + child.tailLog(10));
  }

  @Test
  void stopEndsTheWholeTree() throws Exception {
    ChildProcess child = startSleep();
    ProcessHandle sleep = sleepUnder(child);
    List<ProcessHandle> tree = child.tree();

    child.stop(Duration.ofSeconds(2));

    assertThat(tree).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    assertThat(sleep.isAlive()).isFalse();
    assertThat(dir.resolve("redis.pids")).doesNotExist();
  }

  @Test
  void theServerDiesWhenTheJvmsPipeCloses() throws Exception {
    ChildProcess child = startSleep();
    ProcessHandle sleep = sleepUnder(child);

    // what the kernel does when this JVM is killed: the guard's stdin reaches end of input
    child.dropLifeline();

    sleep.onExit().get(30, TimeUnit.SECONDS);
    assertThat(sleep.isAlive()).isFalse();
    child.stop(Duration.ofSeconds(1));
  }

  @Test
  void aLeftoverRecordedInThePidFileIsKilled() throws Exception {
    ChildProcess child = startSleep();
    ProcessHandle sleep = sleepUnder(child);
    child.recordPids();
    assertThat(Files.readString(dir.resolve("redis.pids"))).contains(Long.toString(sleep.pid()));

    ChildProcess.killLeftover(dir.resolve("redis.pids"), ProgressListener.NONE);

    assertThat(sleep.isAlive()).isFalse();
    assertThat(child.tree()).noneMatch(p -> p.pid() == sleep.pid());
    assertThat(dir.resolve("redis.pids")).doesNotExist();
  }

  @Test
  void aReusedPidIsLeftAlone() throws Exception {
    Process other = new ProcessBuilder("sleep", "300").start();
    try {
      long wrongStart = other.toHandle().info().startInstant().orElseThrow().toEpochMilli() - 60_000;
      Files.writeString(dir.resolve("mysql.pids"), other.pid() + " " + wrongStart + "\n");

      ChildProcess.killLeftover(dir.resolve("mysql.pids"), ProgressListener.NONE);

      assertThat(other.isAlive()).isTrue();
      assertThat(dir.resolve("mysql.pids")).doesNotExist();
    } finally {
      other.destroyForcibly().waitFor();
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutShowingItsLog() {
    Path guard = Guard.script(new CacheDir(dir.resolve("cache")));
    ChildProcess child = ChildProcess.start(guard, launch(Service.MYSQL, List.of("bash", "-c", "echo waiting for nothing; exec sleep 300"), Map.of(), dir, dir.resolve("mysql.log"),
        dir.resolve("mysql.pids"), Duration.ofSeconds(1)));
    try {
      assertThatThrownBy(() -> child.awaitReady(Duration.ofMillis(300), Duration.ofMillis(50),
          () -> false))
          .isInstanceOf(LocalRuntimeException.class)
          .hasMessageContaining("MySQL (MariaDB) was not ready within 0 s")
          .hasMessageContaining("Read " + dir.resolve("mysql.log"))
          .hasMessageContaining("waiting for nothing");
    } finally {
      child.stop(Duration.ofSeconds(1));
    }
  }

  @Test
  void aServerThatExitsDuringStartSaysSoWithItsLog() throws Exception {
    Path guard = Guard.script(new CacheDir(dir.resolve("cache")));
    ChildProcess child = ChildProcess.start(guard, launch(Service.REDIS, List.of("bash", "-c", "echo bad config line 3; exit 3"),
        Map.of(), dir, dir.resolve("redis.log"), dir.resolve("redis.pids"), Duration.ofSeconds(1)));
    child.tree().getFirst().onExit().get(30, TimeUnit.SECONDS);

    assertThatThrownBy(() -> child.awaitReady(Duration.ofSeconds(30), Duration.ofMillis(50),
        () -> false))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessageContaining("Redis exited during start (exit code 3)")
        .hasMessageContaining("bad config line 3");
  }

  @Test
  void aServerThatLostItsPortIsReportedAsAPortClash() throws Exception {
    Path guard = Guard.script(new CacheDir(dir.resolve("cache")));
    ChildProcess child = ChildProcess.start(guard, launch(Service.REDIS, List.of("bash", "-c", "echo 'Could not create server TCP listening socket 127.0.0.1:6390: bind: Address already in use'; exit 1"),
        Map.of(), dir, dir.resolve("redis.log"), dir.resolve("redis.pids"), Duration.ofSeconds(1)));
    child.tree().getFirst().onExit().get(30, TimeUnit.SECONDS);

    assertThatThrownBy(() -> child.awaitReady(Duration.ofSeconds(30), Duration.ofMillis(50),
        () -> false))
        .isInstanceOf(PortClashException.class)
        .hasMessageContaining("A port it needs is in use: stop the program using it, or choose another port")
        .hasMessageContaining("127.0.0.1:6390");
  }

  /** A launch of a test command under the name of {@code service}. */
  private static ChildProcess.Launch launch(Service service, List<String> command, Map<String, String> env, Path dir,
      Path log, Path pids, Duration grace) {
    return new ChildProcess.Launch(service.displayName(), command, env, dir, log, pids, grace);
  }
}
