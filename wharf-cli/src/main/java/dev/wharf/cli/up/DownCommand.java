package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Stops a running {@code wharf up} the way Ctrl-C does: it stops everything it started. */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = "Stop everything 'wharf up' started.")
public final class DownCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--timeout", defaultValue = "60",
      description = "Seconds to wait for everything to stop (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "The state directory of the 'wharf up' to stop (default: $WHARF_HOME).")
  Path stateDir;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    StateDir state = StateDir.of(stateDir);
    Optional<Long> pid = UpLock.runningPid(state);
    if (pid.isEmpty()) {
      out.println("wharf: nothing to stop: no 'wharf up' is running for " + state.root());
      return 0;
    }
    ProcessHandle up = ProcessHandle.of(pid.get()).orElseThrow();
    out.println("wharf: stopping 'wharf up' (pid " + pid.get() + ")...");
    out.flush();
    up.destroy();
    try {
      up.onExit().get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new UserError("'wharf up' (pid " + pid.get() + ") did not stop within "
          + timeoutSeconds + " s; see its terminal, or the logs in " + state.logs(), 1);
    }
    out.println("wharf: stopped.");
    return 0;
  }
}
