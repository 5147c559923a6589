package dev.wharf.cli.login;

import dev.wharf.login.Issuers;
import dev.wharf.login.LoginException;
import dev.wharf.login.Logout;
import dev.wharf.login.Oidc;
import dev.wharf.login.Session;
import dev.wharf.login.TokenCache;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "logout", mixinStandardHelpOptions = true,
    description = {
        "Sign out: revoke the session at Keycloak and delete the token cache.",
        "Without --issuer, signs out of every session. Running it twice is fine."})
public final class LogoutCommand implements Callable<Integer> {

  @Option(names = "--issuer", paramLabel = "URL", description = "Sign out of this realm only.")
  String issuer;

  @Mixin SessionOptions session;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TokenCache cache = session.cache();
    Logout logout = new Logout(Oidc.standard(), cache);
    try {
      List<String> issuers = issuer != null
          ? List.of(Issuers.normalize(issuer))
          : readableIssuers(cache, err);
      if (issuers.isEmpty()) {
        out.println("Not signed in; nothing to do.");
      }
      for (String iss : issuers) {
        Logout.Result result = logout.logout(iss, session.clientId);
        if (!result.hadSession()) {
          out.println("Not signed in to " + iss + "; nothing to do.");
        } else {
          out.println("Signed out of " + iss + (result.revoked() ? " (session revoked)." : "."));
        }
        if (result.warning() != null) {
          err.println("wharf: warning: " + result.warning());
        }
      }
      return 0;
    } catch (LoginException e) {
      throw LoginErrors.toUserError(e);
    }
  }

  /** Every cached issuer; unreadable files cannot be revoked, so they are only deleted. */
  private List<String> readableIssuers(TokenCache cache, PrintWriter err) {
    TokenCache.Scan scan = cache.scan();
    for (LoginException corrupt : scan.corrupt()) {
      err.println("wharf: warning: " + corrupt.getMessage() + " Deleting it.");
    }
    cache.deleteCorrupt();
    return scan.sessions().stream()
        .filter(s -> s.clientId().equals(session.clientId))
        .map(Session::issuer).toList();
  }
}
