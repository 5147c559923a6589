package dev.wharf.cli.login;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "logout", mixinStandardHelpOptions = true, description = "Sign out: revoke the session and delete the token cache.")
public final class LogoutCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new dev.wharf.cli.UserError("'wharf logout' is not available in this build yet.");
  }
}
