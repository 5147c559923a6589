package dev.wharf.cli.up;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the developer journey non-interactively and exits 0 or 1. It keeps its own state
 * ($WHARF_HOME/demo) and takes free ports, so it runs beside a 'wharf up'.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the developer journey end to end and report pass or fail.")
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Where the demo keeps its servers' data (default: $WHARF_HOME/demo).")
  Path stateDir;

  @Mixin ReadyTimeoutOption ready;

  private final ServerSource servers;

  public DemoCommand() {
    this(ServerSource.OWN);
  }

  /** With servers that already run (a test's), which the demo uses and leaves running. */
  DemoCommand(ServerSource servers) {
    this.servers = servers;
  }

  @Override
  public Integer call() {
    Duration readyTimeout = ready.timeout();
    StateDir state = StateDir.of(stateDir != null ? stateDir
        : StateDir.fromEnvironment().root().resolve("demo")).create();
    // Two demos on one state directory would share a MariaDB data directory: refuse the second.
    try (UpLock lock = UpLock.acquire(state)) {
      spec.commandLine().getOut().println("demo: state in " + state.root());
      boolean passed = new DemoJourney(state, GreeterJar.fromEnvironment(),
          spec.commandLine().getOut(), readyTimeout, servers).run();
      return passed ? 0 : 1;
    }
  }
}
