package dev.wharf.cli.up;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "up", mixinStandardHelpOptions = true, description = "Start the local platform and the greeter example on this machine.")
public final class UpCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new dev.wharf.cli.UserError("'wharf up' is not available in this build yet.");
  }
}
