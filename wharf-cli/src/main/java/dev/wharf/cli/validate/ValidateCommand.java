package dev.wharf.cli.validate;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Render and validate a GitOps tree: schemas and platform policies.")
public final class ValidateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new dev.wharf.cli.UserError("'wharf validate' is not available in this build yet.");
  }
}
