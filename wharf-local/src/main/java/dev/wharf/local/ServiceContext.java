package dev.wharf.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Everything one service needs to start: its directories, the cache, its password, its port. */
record ServiceContext(
    Service service,
    Path dir,
    int port,
    String adminPassword,
    CacheDir cache,
    Path guardScript,
    ProgressListener progress,
    Duration readyTimeout,
    Consumer<ChildProcess> onLaunch) {

  /** {@code <stateDir>/<service>/data}: the server's own data. */
  Path dataDir() {
    return dir.resolve("data");
  }

  Path logFile() {
    return logFile(dir, service);
  }

  static Path logFile(Path serviceDir, Service service) {
    return serviceDir.resolve(service.name().toLowerCase() + ".log");
  }

  /** The pids of the running server's processes; see {@link ChildProcess#killLeftover}. */
  Path pidFile() {
    return dir.resolve(service.name().toLowerCase() + ".pids");
  }

  /**
   * Creates the directories and stops whatever a crashed earlier run left behind. Called holding
   * the {@link StateLock}, so nothing in the pid file can belong to a live owner.
   */
  void prepare() {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot create " + dir + ": " + e.getMessage()
          + "; check that the state directory is writable", e);
    }
    ChildProcess.killLeftover(pidFile(), progress);
  }

  /** Starts the server process; {@code onLaunch} lets the runtime stop it should it close meanwhile. */
  ChildProcess launch(java.util.List<String> command, java.util.Map<String, String> env, Duration grace) {
    ChildProcess child = ChildProcess.start(guardScript,
        new ChildProcess.Launch(service.displayName(), command, env, dir, logFile(), pidFile(), grace));
    onLaunch.accept(child);
    return child;
  }

  ServiceContext withPort(int newPort) {
    return new ServiceContext(service, dir, newPort, adminPassword, cache, guardScript, progress, readyTimeout,
        onLaunch);
  }

  @Override
  public String toString() {
    return "ServiceContext[" + service + ", " + dir + ", port " + port + ", password redacted]";
  }
}
