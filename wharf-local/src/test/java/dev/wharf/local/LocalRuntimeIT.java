package dev.wharf.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.core.MySqlServer;
import dev.wharf.core.RedisServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** A runtime of its own (MariaDB and Redis): restart keeps data, close and JVM death leave nothing. */
class LocalRuntimeIT {

  @TempDir Path state;

  private LocalRuntime runtime(Service... services) {
    return LocalRuntime.builder().stateDir(state).services(services).build();
  }

  @Test
  void dataAndPasswordsSurviveARestartAndCloseLeavesNoProcess() throws Exception {
    MySqlServer mysqlBefore;
    RedisServer redisBefore;
    List<ProcessHandle> firstRun;
    try (LocalRuntime runtime = runtime(Service.MYSQL, Service.REDIS).start()) {
      mysqlBefore = runtime.mysql();
      redisBefore = runtime.redis();
      try (Connection c = DriverManager.getConnection(mysqlBefore.jdbcUrl(null), mysqlBefore.adminUser(),
          mysqlBefore.adminPassword().reveal()); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE kept");
        s.execute("CREATE TABLE kept.t (v VARCHAR(20))");
        s.execute("INSERT INTO kept.t VALUES ('still here')");
      }
      try (Jedis jedis = new Jedis(redisBefore.host(), redisBefore.port())) {
        jedis.auth(redisBefore.adminUser(), redisBefore.adminPassword().reveal());
        jedis.set("kept", "still here");
        jedis.aclSetUser("app-a", "on", ">pw-a", "~app-a:*", "+get");
        jedis.aclSave();
      }
      firstRun = runtime.processes();
      assertThat(firstRun).hasSizeGreaterThanOrEqualTo(4).allMatch(ProcessHandle::isAlive);
      runtime.close();
      runtime.close(); // idempotent
      assertThat(firstRun).noneMatch(ProcessHandle::isAlive);
    }

    LocalRuntime again = runtime(Service.MYSQL, Service.REDIS).start();
    List<ProcessHandle> secondRun = again.processes();
    try {
      MySqlServer mysql = again.mysql();
      assertThat(mysql.adminPassword().reveal()).isEqualTo(mysqlBefore.adminPassword().reveal());
      try (Connection c = DriverManager.getConnection(mysql.jdbcUrl("kept"), mysql.adminUser(), mysql.adminPassword().reveal());
           Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("still here");
      }
      RedisServer redis = again.redis();
      assertThat(redis.adminPassword().reveal()).isEqualTo(redisBefore.adminPassword().reveal());
      try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
        jedis.auth(redis.adminUser(), redis.adminPassword().reveal());
        assertThat(jedis.get("kept")).isEqualTo("still here");
        assertThat(jedis.aclUsers()).contains("app-a", "default");
      }
    } finally {
      again.close();
    }
    assertThat(secondRun).isNotEmpty().noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aServerKilledOutrightIsReportedAndRestartsOnItsPortAndData() throws Exception {
    try (LocalRuntime runtime = runtime(Service.MYSQL).start()) {
      MySqlServer mysql = runtime.mysql();
      try (Connection c = DriverManager.getConnection(mysql.jdbcUrl(null), mysql.adminUser(), mysql.adminPassword().reveal());
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE survives");
      }
      assertThat(runtime.exited()).isEmpty();
      List<ProcessHandle> before = runtime.processes(Service.MYSQL);
      // The guard too, so that the server outlives it: restart must still find and end it.
      before.forEach(ProcessHandle::destroyForcibly);
      for (ProcessHandle p : before) {
        p.onExit().get(30, TimeUnit.SECONDS);
      }

      assertThat(runtime.exited()).singleElement().satisfies(e -> {
        assertThat(e.service()).isEqualTo(Service.MYSQL);
        assertThat(e.status()).isEqualTo(137);
        assertThat(e.logFile()).isEqualTo(runtime.logFile(Service.MYSQL));
      });
      runtime.restart(Service.MYSQL);

      assertThat(runtime.exited()).isEmpty();
      assertThat(runtime.mysql().port()).isEqualTo(mysql.port());
      try (Connection c = DriverManager.getConnection(mysql.jdbcUrl("survives"), mysql.adminUser(),
          mysql.adminPassword().reveal())) {
        assertThat(c.isValid(5)).isTrue();
      }
      assertThat(runtime.processes(Service.MYSQL)).noneMatch(before::contains);
    }
  }

  @Test
  void aPortInUseFailsClearlyAndStartsNothing() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(Ports.LOOPBACK, 0));
      int port = taken.getLocalPort();
      LocalRuntime runtime = LocalRuntime.builder().stateDir(state).services(Service.MYSQL, Service.REDIS)
          .port(Service.REDIS, port).build();

      assertThatThrownBy(runtime::start)
          .isInstanceOf(LocalRuntimeException.class)
          .hasMessageContaining("port " + port + " on 127.0.0.1 is in use: stop the program using it, or choose another port");
      assertThat(runtime.isRunning(Service.MYSQL)).isFalse();
      assertThat(runtime.processes()).isEmpty();
      runtime.close();
    }
  }

  @Test
  void aSecondRuntimeOnTheSameStateIsRefusedAndHarmsNothing() {
    try (LocalRuntime first = runtime(Service.REDIS).start()) {
      List<ProcessHandle> running = first.processes();
      LocalRuntime second = runtime(Service.REDIS);

      assertThatThrownBy(second::start)
          .isInstanceOf(LocalRuntimeException.class)
          .hasMessageContaining("is already run by another process")
          .hasMessageContaining("choose another state directory");
      assertThat(running).allMatch(ProcessHandle::isAlive);
      try (Jedis jedis = new Jedis(first.redis().host(), first.redis().port())) {
        jedis.auth(first.redis().adminUser(), first.redis().adminPassword().reveal());
        assertThat(jedis.ping()).isEqualTo("PONG");
      }
      second.close();
    }
  }

  @Test
  void closingDuringAStartCancelsItAndLeavesNothing() throws Exception {
    List<Thread> closers = new ArrayList<>();
    LocalRuntime[] holder = new LocalRuntime[1];
    // closes the runtime from another thread while MariaDB is being set up, before its launch
    ProgressListener closeWhileInitialising = new ProgressListener() {
      @Override
      public void message(String text) {
        if (text.startsWith("initialising a new MariaDB data directory")) {
          Thread closer = Thread.ofPlatform().start(holder[0]::close);
          closers.add(closer);
          while (closer.getState() != Thread.State.BLOCKED && closer.isAlive()) {
            Thread.onSpinWait(); // close() has marked the runtime closing and waits for this start
          }
        }
      }
    };
    holder[0] = LocalRuntime.builder().stateDir(state).services(Service.MYSQL).progress(closeWhileInitialising).build();

    assertThatThrownBy(holder[0]::start)
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessageContaining("start cancelled");
    for (Thread closer : closers) {
      closer.join();
    }
    assertThat(closers).hasSize(1);
    assertThat(holder[0].isRunning(Service.MYSQL)).isFalse();
    assertThat(holder[0].processes()).isEmpty();
    assertThat(ProcessHandle.current().descendants())
        .noneMatch(p -> p.info().commandLine().orElse("").contains(state.toString()));
  }

  @Test
  void serversDieWithAJvmKilledOutright() throws Exception {
    List<ProcessHandle> servers = runProbeAndEnd(Process::destroyForcibly); // SIGKILL: no shutdown hook runs
    assertThat(servers).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void serversStopWithAJvmAskedToExit() throws Exception {
    List<ProcessHandle> servers = runProbeAndEnd(Process::destroy); // SIGTERM, as from Ctrl-C or kill
    assertThat(servers).noneMatch(ProcessHandle::isAlive);
    assertThat(state.resolve("redis/redis.pids")).as("the shutdown hook stopped the servers").doesNotExist();
  }

  /** Starts Redis in another JVM, ends that JVM with {@code end}, and returns the server's processes. */
  private List<ProcessHandle> runProbeAndEnd(java.util.function.Consumer<Process> end) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrphanProbe.class.getName(),
        state.toString())
        .redirectErrorStream(true)
        .start();
    List<ProcessHandle> servers = new ArrayList<>();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("ready")) {
        // startup chatter
      }
      assertThat(line).as("the probe JVM started Redis").startsWith("ready");
      for (String pidLine : Files.readAllLines(state.resolve("redis/redis.pids"))) {
        ProcessHandle.of(Long.parseLong(pidLine.split(" ")[0])).ifPresent(servers::add);
      }
      assertThat(servers).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);
    } finally {
      end.accept(jvm);
      jvm.waitFor(60, TimeUnit.SECONDS);
    }
    for (ProcessHandle p : servers) {
      p.onExit().get(30, TimeUnit.SECONDS);
    }
    return servers;
  }
}
