package dev.wharf.local;

import dev.wharf.core.KeycloakServer;
import dev.wharf.core.MySqlServer;
import dev.wharf.core.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Real MariaDB, Redis and Keycloak servers on loopback ports, each with its own directory under
 * the state directory ({@code <stateDir>/<service>/} holding {@code data/} and {@code
 * <service>.log}). Services start in parallel; {@link #close()} stops them all, and so do a
 * shutdown hook and, should this JVM be killed outright, the guard each server runs under.
 *
 * <pre>{@code
 * try (LocalRuntime runtime = LocalRuntime.builder()
 *     .stateDir(Path.of(".wharf/local"))
 *     .services(Service.MYSQL, Service.REDIS)
 *     .build()
 *     .start()) {
 *   MySqlServer mysql = runtime.mysql();   // the same type the provisioning library takes
 * }
 * }</pre>
 */
public final class LocalRuntime implements AutoCloseable {

  private final Path stateDir;
  private final Set<Service> services;
  private final Map<Service, Integer> requestedPorts;
  private final Map<Service, Duration> readyTimeouts;
  private final ProgressListener progress;
  private final CacheDir cache;
  private final Map<Service, RunningServer> running = Collections.synchronizedMap(new EnumMap<>(Service.class));
  private final Map<Service, StateLock> locks = Collections.synchronizedMap(new EnumMap<>(Service.class));
  /** The port each running server was started on; a restart reuses it, so clients keep working. */
  private final Map<Service, Integer> startedPorts = Collections.synchronizedMap(new EnumMap<>(Service.class));
  /** Server processes launched but not yet ready: close() must not wait for their start. */
  private final Map<Service, ChildProcess> starting = new ConcurrentHashMap<>();
  private Thread shutdownHook;
  private volatile boolean closing;
  private boolean closed;

  private LocalRuntime(Builder b) {
    this.stateDir = b.stateDir.toAbsolutePath().normalize();
    this.services = Collections.unmodifiableSet(EnumSet.copyOf(b.services));
    this.requestedPorts = new EnumMap<>(b.ports);
    this.readyTimeouts = new EnumMap<>(b.readyTimeouts);
    this.progress = b.progress;
    this.cache = b.cacheDir != null ? new CacheDir(b.cacheDir.toAbsolutePath()) : CacheDir.fromEnvironment();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts the services chosen in the builder (those not running yet). */
  public LocalRuntime start() {
    return ensureRunning(services);
  }

  /**
   * Starts those of {@code wanted} that are not running yet, in parallel. When one fails, the
   * ones started by this call are stopped again and the failure is thrown.
   */
  public synchronized LocalRuntime ensureRunning(Set<Service> wanted) {
    if (closed || closing) {
      throw new IllegalStateException("this LocalRuntime is closed; build a new one");
    }
    List<Service> toStart = new ArrayList<>();
    for (Service s : Service.values()) {
      if (wanted.contains(s) && !running.containsKey(s)) {
        toStart.add(s);
      }
    }
    if (toStart.isEmpty()) {
      return this;
    }
    Map<Service, Integer> ports = claimPorts(toStart);
    AdminCredentials credentials = AdminCredentials.loadOrCreate(stateDir);
    Path guard = Guard.script(cache);
    installShutdownHook();

    Map<Service, FutureTask<RunningServer>> tasks = new EnumMap<>(Service.class);
    for (Service s : toStart) {
      ServiceContext ctx = context(s, ports.get(s), credentials, guard);
      boolean anyPort = requestedPorts.getOrDefault(s, 0) == 0;
      FutureTask<RunningServer> task = new FutureTask<>(() -> startRetryingPortClashes(ctx, anyPort));
      tasks.put(s, task);
      Thread.ofPlatform().name("wharf-start-" + s.name().toLowerCase()).daemon().start(task);
    }
    LocalRuntimeException failure = null;
    for (Map.Entry<Service, FutureTask<RunningServer>> e : tasks.entrySet()) {
      try {
        running.put(e.getKey(), awaitUninterruptibly(e.getValue()));
      } catch (ExecutionException ex) {
        LocalRuntimeException cause = asLocal(e.getKey(), ex.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    if (failure != null) {
      for (Service s : toStart) {
        stop(running.remove(s));
      }
      if (closing) {
        throw new LocalRuntimeException("start cancelled: the local runtime was closed while starting", failure);
      }
      throw failure;
    }
    return this;
  }

  private ServiceContext context(Service s, int port, AdminCredentials credentials, Path guard) {
    return new ServiceContext(s, serviceDir(s), port, credentials.password(s), cache, guard, progress,
        readyTimeout(s), child -> launched(s, child));
  }

  /** A server whose process ended while this runtime was running it. */
  public record Exit(Service service, int status, Path logFile) {}

  /**
   * The servers whose process has ended although nobody stopped them (crashed, or killed from
   * outside). Empty while everything runs, and once closing has begun.
   */
  public List<Exit> exited() {
    List<Exit> exits = new ArrayList<>();
    if (closing) {
      return exits;
    }
    synchronized (running) {
      for (RunningServer server : running.values()) {
        if (!server.process().isAlive()) {
          exits.add(new Exit(server.service(), server.process().exitCode(), server.process().logFile()));
        }
      }
    }
    return exits;
  }

  /**
   * Starts {@code service} again on the port and data it had, after its process ended (see
   * {@link #exited()}); whatever is left of the old process is stopped first. Blocks until the
   * server answers, and throws like {@link #start()} when it does not.
   */
  public synchronized void restart(Service service) {
    if (closed || closing) {
      throw new IllegalStateException("this LocalRuntime is closed; build a new one");
    }
    RunningServer old = running.remove(service);
    Integer port = startedPorts.get(service);
    if (old == null || port == null) {
      throw new IllegalStateException(service.displayName() + " is not running in this runtime: start() it first");
    }
    stop(old);
    ServiceContext ctx = context(service, port, AdminCredentials.loadOrCreate(stateDir), Guard.script(cache));
    running.put(service, startRetryingPortClashes(ctx, false));
  }

  private void launched(Service service, ChildProcess child) {
    starting.put(service, child);
    if (closing) {
      child.stop(Duration.ofSeconds(5));
    }
  }

  /** Every start is awaited, even when interrupted, so that no started server goes untracked. */
  private static RunningServer awaitUninterruptibly(FutureTask<RunningServer> task) throws ExecutionException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * A free port is only free until someone takes it: when another program grabs a port we
   * picked (or Keycloak's management port) before the server binds it, try again with new ones.
   */
  private RunningServer startRetryingPortClashes(ServiceContext ctx, boolean anyPort) {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOne(ctx);
      } catch (PortClashException e) {
        boolean retry = attempt < 3 && (anyPort || ctx.service() == Service.KEYCLOAK);
        if (!retry) {
          throw e;
        }
        progress.message(ctx.service().displayName() + " lost a port to another program; retrying with new ports");
        if (anyPort) {
          ctx = ctx.withPort(Ports.pickFree());
        }
      }
    }
  }

  private RunningServer startOne(ServiceContext ctx) {
    progress.starting(ctx.service());
    Instant begin = Instant.now();
    if (closing) {
      throw new LocalRuntimeException(ctx.service().displayName() + " was not started: the local runtime is closing");
    }
    StateLock lock = StateLock.acquire(ctx.service(), ctx.dir());
    try {
      RunningServer server = switch (ctx.service()) {
        case MYSQL -> MariaDbLauncher.start(ctx);
        case REDIS -> RedisLauncher.start(ctx);
        case KEYCLOAK -> KeycloakLauncher.start(ctx);
      };
      locks.put(ctx.service(), lock);
      startedPorts.put(ctx.service(), ctx.port());
      progress.started(ctx.service(), Duration.between(begin, Instant.now()));
      return server;
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    } finally {
      starting.remove(ctx.service());
    }
  }

  private static LocalRuntimeException asLocal(Service s, Throwable t) {
    if (t instanceof LocalRuntimeException l) {
      return l;
    }
    return new LocalRuntimeException(s.displayName() + " failed to start: " + t, t);
  }

  /** Checks every fixed port before anything starts, so a clash fails fast and starts nothing. */
  private Map<Service, Integer> claimPorts(List<Service> toStart) {
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service s : toStart) {
      int requested = requestedPorts.getOrDefault(s, 0);
      try {
        ports.put(s, Ports.claim(requested));
      } catch (LocalRuntimeException e) {
        throw new LocalRuntimeException(s.displayName() + ": " + e.getMessage());
      }
    }
    return ports;
  }

  private Duration readyTimeout(Service s) {
    return readyTimeouts.getOrDefault(s, switch (s) {
      case MYSQL -> Duration.ofSeconds(90);
      case REDIS -> Duration.ofSeconds(30);
      case KEYCLOAK -> Duration.ofSeconds(180);
    });
  }

  private Path serviceDir(Service s) {
    return stateDir.resolve(s.name().toLowerCase());
  }

  /** The running MariaDB and its administrator, as the provisioning library takes them. */
  public MySqlServer mysql() {
    return (MySqlServer) endpoint(Service.MYSQL);
  }

  /** The running Redis and its administrator ({@code default}). */
  public RedisServer redis() {
    return (RedisServer) endpoint(Service.REDIS);
  }

  /** The running Keycloak and the bootstrap administrator of its master realm. */
  public KeycloakServer keycloak() {
    return (KeycloakServer) endpoint(Service.KEYCLOAK);
  }

  private Object endpoint(Service s) {
    RunningServer server = running.get(s);
    if (server == null) {
      throw new IllegalStateException(s.displayName() + " is not running in this runtime: include Service." + s.name()
          + " in services(...) and call start()");
    }
    return server.endpoint();
  }

  public boolean isRunning(Service s) {
    return running.containsKey(s);
  }

  /**
   * The guard script the servers run under, for a process started beside them (greeter): run
   * {@code <guard> <grace-seconds> <command...>} with stdin a pipe this JVM keeps open, and the
   * process is stopped when this JVM goes, even on SIGKILL.
   */
  public Path guardScript() {
    return Guard.script(cache);
  }

  /** {@code <stateDir>/<service>/<service>.log}: the server's output; read it when something fails. */
  public Path logFile(Service s) {
    return ServiceContext.logFile(serviceDir(s), s);
  }

  public Path stateDir() {
    return stateDir;
  }

  /** The cache a runtime uses unless told otherwise: {@code $WHARF_CACHE}, else {@code ~/.cache/wharf}. */
  public static Path defaultCacheDir() {
    return CacheDir.fromEnvironment().root();
  }

  /** The processes of one server (its guard first), e.g. for a test that kills it. */
  public List<ProcessHandle> processes(Service s) {
    RunningServer server = running.get(s);
    return server == null ? List.of() : server.process().tree();
  }

  /** Every process this runtime runs (guards and servers), e.g. to check none outlives it. */
  public List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    synchronized (running) {
      running.values().forEach(server -> all.addAll(server.process().tree()));
    }
    return all;
  }

  /**
   * Stops every server (gracefully, then forcibly); safe to call more than once. Servers still
   * starting are stopped at once, so a start in progress fails fast instead of delaying this.
   */
  @Override
  public void close() {
    closing = true;
    for (ChildProcess child : List.copyOf(starting.values())) {
      child.stop(Duration.ofSeconds(5));
    }
    closeStarted();
  }

  private synchronized void closeStarted() {
    if (closed) {
      return;
    }
    closed = true;
    List<RunningServer> servers;
    synchronized (running) {
      servers = new ArrayList<>(running.values());
      running.clear();
    }
    List<Future<?>> stops = new ArrayList<>();
    for (RunningServer server : servers) {
      FutureTask<Void> stop = new FutureTask<>(() -> stop(server), null);
      Thread.ofPlatform().name("wharf-stop-" + server.service().name().toLowerCase()).daemon().start(stop);
      stops.add(stop);
    }
    for (Future<?> stop : stops) {
      try {
        stop.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        progress.message("a server did not stop cleanly: " + e.getCause());
      }
    }
    removeShutdownHook();
  }

  private void stop(RunningServer server) {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } finally {
      StateLock lock = locks.remove(server.service());
      if (lock != null) {
        lock.close();
      }
    }
  }

  private void installShutdownHook() {
    if (shutdownHook == null) {
      shutdownHook = new Thread(this::closeFromHook, "wharf-local-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  private void closeFromHook() {
    shutdownHook = null;
    close();
  }

  private void removeShutdownHook() {
    Thread hook = shutdownHook;
    shutdownHook = null;
    if (hook != null && hook != Thread.currentThread()) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to; it finds us closed
      }
    }
  }

  @Override
  public String toString() {
    return "LocalRuntime[" + stateDir + ", running " + running.keySet() + "]";
  }

  /** Chooses the state directory, the services, their ports and a progress listener. */
  public static final class Builder {
    private Path stateDir;
    private Path cacheDir;
    private Set<Service> services = EnumSet.allOf(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, Duration> readyTimeouts = new EnumMap<>(Service.class);
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    /** Required: where each service keeps {@code <service>/data} and its log. */
    public Builder stateDir(Path stateDir) {
      this.stateDir = stateDir;
      return this;
    }

    /** Where unpacked binaries are cached; default {@code $WHARF_CACHE}, else {@code ~/.cache/wharf}. */
    public Builder cacheDir(Path cacheDir) {
      this.cacheDir = cacheDir;
      return this;
    }

    /** The services {@link #start()} starts; default all. */
    public Builder services(Set<Service> services) {
      this.services = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
      return this;
    }

    public Builder services(Service... services) {
      this.services = EnumSet.noneOf(Service.class);
      this.services.addAll(List.of(services));
      return this;
    }

    /** The loopback port of {@code service}; 0 (the default) picks a free one. */
    public Builder port(Service service, int port) {
      ports.put(service, port);
      return this;
    }

    /** How long to wait for {@code service} to answer after starting it. */
    public Builder readyTimeout(Service service, Duration timeout) {
      readyTimeouts.put(service, timeout);
      return this;
    }

    public Builder progress(ProgressListener progress) {
      this.progress = progress == null ? ProgressListener.NONE : progress;
      return this;
    }

    public LocalRuntime build() {
      if (stateDir == null) {
        throw new IllegalStateException("LocalRuntime needs a state directory: call stateDir(path) on the builder");
      }
      return new LocalRuntime(this);
    }
  }
}
