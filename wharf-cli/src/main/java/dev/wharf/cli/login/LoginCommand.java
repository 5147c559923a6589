package dev.wharf.cli.login;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "login", mixinStandardHelpOptions = true, description = "Sign in with Keycloak (OIDC) and set up kubeconfig.")
public final class LoginCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new dev.wharf.cli.UserError("'wharf login' is not available in this build yet.");
  }
}
