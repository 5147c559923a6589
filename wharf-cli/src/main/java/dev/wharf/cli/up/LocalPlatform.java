package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import dev.wharf.local.LocalRuntime;
import dev.wharf.local.LocalRuntimeException;
import dev.wharf.local.NotReadyException;
import dev.wharf.local.Service;
import dev.wharf.provisioning.ServiceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The platform on one machine: the local runtime (MariaDB, Redis, Keycloak), greeter
 * provisioned on it by the operator's provisioning code, and greeter itself. Shared by
 * 'wharf up' and 'wharf demo'. Whatever was started is stopped by {@link #close()}, also when
 * starting fails half-way, and by a shutdown hook on Ctrl-C or 'wharf down'. Once ready, a
 * {@link Supervisor} restarts a server or greeter that exits unexpectedly.
 */
final class LocalPlatform implements AutoCloseable {
  static final Duration GREETER_READY_TIMEOUT = Duration.ofSeconds(120);
  static final String MORE_TIME = "On a slow or busy machine, give the services more time with"
      + " --ready-timeout SECONDS.";

  /** What a developer needs to call greeter. */
  record Info(String tokenEndpoint, String clientId, Path envFile, String user, Path passwordFile,
      String greeterUrl) {}

  private final StateDir state;
  private final PrintWriter out;
  private final Duration readyTimeout;
  private final Thread shutdownHook = new Thread(this::closeFromHook, "wharf-up-shutdown");
  private LocalRuntime runtime;
  private boolean ownsRuntime;
  private volatile Greeter greeter;
  private GreeterApp app;
  private int greeterPort;
  private Supervisor supervisor;
  /** Completed with the command's exit code when supervision gives up and everything stops. */
  private final CompletableFuture<Integer> failed = new CompletableFuture<>();
  private volatile LocalSetup.Result setup;
  private volatile boolean closing;
  private boolean closed;
  private Runnable afterClose = () -> {};

  private LocalPlatform(StateDir state, PrintWriter out, Duration readyTimeout) {
    this.state = state;
    this.out = out;
    this.readyTimeout = readyTimeout;
  }

  /**
   * Builds greeter if needed, starts everything and waits until greeter is ready;
   * {@code readyTimeout} (null: each service's default) bounds the wait for every server and
   * for greeter.
   */
  static LocalPlatform start(StateDir state, LocalPorts ports, PrintWriter out, boolean terminal,
      GreeterJar jars, Duration readyTimeout, ServerSource servers) {
    int greeterPort = ports.claim();
    Timer build = Timer.start();
    GreeterApp app = GreeterApp.of(
        jars.ensureBuilt(state.buildLog(), line -> say(out, line + " (log: " + state.buildLog() + ")")),
        LocalRuntime.defaultCacheDir(), state.buildLog());
    say(out, String.format("%-20s %s", "greeter jar", "ready in " + build.elapsed()));

    LocalPlatform platform = new LocalPlatform(state, out, readyTimeout);
    Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
    try {
      platform.startRuntime(ports, terminal, servers);
      Timer provision = Timer.start();
      LocalSetup setup = new LocalSetup(platform.runtime, state, "http://127.0.0.1:" + greeterPort);
      platform.setup = setup.ensure();
      say(out, String.format("%-20s %s", "provisioning", "done in " + provision.elapsed()
          + " (realm " + LocalSetup.REALM + ", demo users, greeter's database, Redis user, client)"));
      setup.warmIssuer();
      Timer greeterStart = Timer.start();
      say(out, "starting greeter...");
      platform.app = app;
      platform.greeterPort = greeterPort;
      platform.startGreeter();
      platform.greeter.awaitReady(platform.greeterReadyTimeout());
      say(out, String.format("%-20s started in %s", "greeter", greeterStart.elapsed()));
      platform.supervise();
      return platform;
    } catch (RuntimeException e) {
      platform.close();
      throw asUserError(e);
    }
  }

  /** Failures of the servers or of provisioning are the user's to fix; the rest stay as they are. */
  private static RuntimeException asUserError(RuntimeException e) {
    return switch (e) {
      case NotReadyException n -> new UserError(n.getMessage() + "\n" + MORE_TIME, 1);
      case LocalRuntimeException l -> new UserError(l.getMessage(), 1);
      case ServiceException p -> new UserError(p.getMessage(), 1);
      default -> e;
    };
  }

  /** Under the lock close() takes, so a Ctrl-C during start cannot leave greeter running. */
  private synchronized void startGreeter() {
    if (closed) {
      throw new UserError("stopped while starting", 130);
    }
    greeter = Greeter.start(runtime.guardScript(), app, setup.env(), greeterPort, state.greeterLog(),
        state.greeterPids());
  }

  private Duration greeterReadyTimeout() {
    return readyTimeout != null ? readyTimeout : GREETER_READY_TIMEOUT;
  }

  private void supervise() {
    supervisor = new Supervisor(this::watched, this::stopping, this::fail, out,
        new RestartBudget(3, Duration.ofMinutes(10), Duration.ofSeconds(1)));
    supervisor.start();
  }

  /** The servers and greeter, as the supervisor watches them. */
  private List<Supervisor.Watched> watched() {
    List<Supervisor.Watched> all = new ArrayList<>();
    for (Service s : List.of(Service.MYSQL, Service.REDIS, Service.KEYCLOAK)) {
      if (runtime.isRunning(s)) {
        all.add(Supervisor.watch(s.displayName(), () -> runtime.exited().stream().filter(e -> e.service() == s)
            .mapToInt(LocalRuntime.Exit::status).findFirst(), runtime.logFile(s), () -> restartServer(s)));
      }
    }
    all.add(Supervisor.watch("greeter", () -> greeter.isAlive() ? OptionalInt.empty() : OptionalInt.of(greeter.exitCode()),
        state.greeterLog(), this::restartGreeter));
    return all;
  }

  /**
   * Starts a server again on its port and data, then provisions again as the operator's resync
   * would (a restarted Redis has lost the users it had not saved); greeter is restarted only if
   * its credentials had to change.
   */
  private void restartServer(Service s) {
    runtime.restart(s);
    LocalSetup.Result again = new LocalSetup(runtime, state, "http://127.0.0.1:" + greeterPort).ensure();
    if (!again.env().equals(setup.env())) {
      setup = again;
      say(out, "greeter's credentials changed: restarting greeter");
      restartGreeter();
    }
  }

  /** Not under the lock: close() must be able to stop everything while greeter starts. */
  private void restartGreeter() {
    greeter.close();
    startGreeter();
    greeter.awaitReady(greeterReadyTimeout());
  }

  /** Supervision gave up: stop everything; {@link #awaitFailure()} returns {@code code}. */
  private void fail(int code) {
    close();
    failed.complete(code);
  }

  private void startRuntime(LocalPorts ports, boolean terminal, ServerSource servers) {
    LocalRuntime.Builder builder = LocalRuntime.builder()
        .stateDir(state.runtime())
        .services(Service.MYSQL, Service.REDIS, Service.KEYCLOAK)
        .port(Service.MYSQL, ports.mysql())
        .port(Service.REDIS, ports.redis())
        .port(Service.KEYCLOAK, ports.keycloak())
        .progress(new ConsoleProgress(out, terminal));
    if (readyTimeout != null) {
      for (Service s : Service.values()) {
        builder.readyTimeout(s, readyTimeout);
      }
    }
    runtime = servers.open(builder);
    ownsRuntime = servers.owned();
    if (ownsRuntime) {
      runtime.start();
    }
  }

  LocalRuntime runtime() {
    return runtime;
  }

  LocalSetup.Result setup() {
    return setup;
  }

  Map<String, String> greeterEnv() {
    return setup.env();
  }

  String greeterUrl() {
    return greeter.url();
  }

  Info info() {
    return new Info(runtime.keycloak().issuer(LocalSetup.REALM) + "/protocol/openid-connect/token",
        setup.env().get("OIDC_CLIENT_ID"), state.greeterEnv(), LocalSetup.DEV_A.name(),
        state.password(LocalSetup.DEV_A.name()), greeter.url());
  }

  List<Summary.Row> rows() {
    return List.of(
        new Summary.Row(Service.MYSQL.displayName(), runtime.mysql().jdbcUrl(null), state(Service.MYSQL)),
        new Summary.Row(Service.REDIS.displayName(), runtime.redis().url(), state(Service.REDIS)),
        new Summary.Row(Service.KEYCLOAK.displayName(), runtime.keycloak().baseUrl() + "/admin/",
            state(Service.KEYCLOAK)),
        new Summary.Row("greeter", greeter.url() + "/api/greetings",
            greeter.isAlive() ? "ready" : "stopped"));
  }

  private String state(Service s) {
    return runtime.isRunning(s) ? "running" : "stopped";
  }

  /** The processes this platform started (greeter, and the servers unless shared). */
  List<ProcessHandle> ownedProcesses() {
    List<ProcessHandle> all = new ArrayList<>();
    if (greeter != null) {
      all.addAll(greeter.processes());
    }
    if (runtime != null && ownsRuntime) {
      all.addAll(runtime.processes());
    }
    return all;
  }

  /**
   * Blocks while the platform runs; returns the exit code once supervision has given up and
   * stopped everything. Ctrl-C and 'wharf down' end the JVM through the shutdown hook instead.
   */
  int awaitFailure() throws InterruptedException {
    try {
      return failed.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Runs once everything has stopped, also on Ctrl-C (e.g. to release the up lock). */
  void afterClose(Runnable action) {
    this.afterClose = action;
  }

  /** True once stopping has begun, e.g. by Ctrl-C or 'wharf down'. */
  boolean stopping() {
    return closing;
  }

  @Override
  public synchronized void close() {
    closing = true;
    if (closed) {
      return;
    }
    closed = true;
    if (supervisor != null) {
      supervisor.stop();
    }
    if (greeter != null) {
      greeter.close();
    }
    if (runtime != null && ownsRuntime) {
      runtime.close();
    }
    afterClose.run();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // this is the hook, or the JVM is exiting and runs it anyway
    }
  }

  private void closeFromHook() {
    closing = true;
    if (!closed) {
      say(out, "stopping greeter, Keycloak, Redis and MySQL...");
      close();
      say(out, "stopped; data kept in " + state.root());
    }
  }

  static void say(PrintWriter out, String line) {
    out.println("  " + line);
    out.flush();
  }
}
