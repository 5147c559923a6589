package dev.wharf.cli.up;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts MariaDB, Redis and Keycloak, provisions greeter on them and runs greeter, then stays
 * in the foreground until Ctrl-C or 'wharf down'. State lives in $WHARF_HOME, so the next run
 * is warm and keeps the data.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Start the local platform and the greeter example on this machine.")
public final class UpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin PortOptions ports;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Where to keep data, logs and credentials (default: $WHARF_HOME).")
  Path stateDir;

  @Mixin ReadyTimeoutOption ready;

  private final ServerSource servers;

  public UpCommand() {
    this(ServerSource.OWN);
  }

  UpCommand(ServerSource servers) {
    this.servers = servers;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Duration readyTimeout = ready.timeout();
    StateDir state = StateDir.of(stateDir).create();
    try (UpLock lock = UpLock.acquire(state)) {
      out.println("wharf up: state in " + state.root());
      Timer total = Timer.start();
      LocalPlatform platform = LocalPlatform.start(state, ports.ports(), out,
          ConsoleProgress.stdoutIsTerminal(), GreeterJar.fromEnvironment(), readyTimeout, servers);
      platform.afterClose(lock::close);
      out.println();
      out.println("wharf up: ready in " + total.elapsed());
      out.println();
      out.print(Summary.table(platform.rows()));
      out.println();
      out.println("Logs: " + state.logs() + " (greeter) and " + platform.runtime().stateDir()
          + "/<service>/ (servers).");
      out.println("Demo users: dev-a (team-a) and dev-b (team-b); their passwords are in "
          + state.users() + " (mode 0600).");
      out.println("greeter's credentials (the platform's env keys): " + state.greeterEnv());
      out.println();
      out.println("Get a token for dev-a and call greeter:");
      Summary.curl(platform.info()).forEach(line -> out.println("  " + line));
      out.println();
      out.println("Press Ctrl-C, or run './wharf down' in another terminal, to stop everything.");
      out.flush();
      // Ctrl-C or 'wharf down' end the JVM through the shutdown hook; this returns only when
      // a server or greeter kept failing and everything was stopped (the supervisor said why).
      int code = platform.awaitFailure();
      spec.commandLine().getErr().println("wharf up: stopped everything; the data is kept in " + state.root()
          + ", so the next 'wharf up' starts from it.");
      return code;
    }
  }
}
