package dev.wharf.cli.up;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the developer journey end to end and report pass or fail.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new dev.wharf.cli.UserError("'wharf demo' is not available in this build yet.");
  }
}
