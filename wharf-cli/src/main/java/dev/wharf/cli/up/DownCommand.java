package dev.wharf.cli.up;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop everything 'wharf up' started.")
public final class DownCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new dev.wharf.cli.UserError("'wharf down' is not available in this build yet.");
  }
}
