package dev.wharf.cli.login;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Print an ExecCredential with a fresh ID token (kubectl exec plugin).")
public final class TokenCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new dev.wharf.cli.UserError("'wharf token' is not available in this build yet.");
  }
}
