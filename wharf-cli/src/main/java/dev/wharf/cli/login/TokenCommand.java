package dev.wharf.cli.login;

import dev.wharf.login.ExecCredential;
import dev.wharf.login.Issuers;
import dev.wharf.login.LoginException;
import dev.wharf.login.Oidc;
import dev.wharf.login.ReLogin;
import dev.wharf.login.Refresher;
import dev.wharf.login.Session;
import dev.wharf.login.TokenCache;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "token", mixinStandardHelpOptions = true,
    description = {
        "Print an ExecCredential with a fresh ID token (kubectl exec plugin).",
        "From the cache while the token is fresh, else renewed with the refresh token.",
        "Exit 3 when the session is gone: run 'wharf login' again."})
public final class TokenCommand implements Callable<Integer> {

  @Option(names = "--issuer", paramLabel = "URL",
      description = "The realm URL signed in to (optional when signed in to only one).")
  String issuer;

  @Mixin SessionOptions session;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      TokenCache cache = session.cache();
      Session current = issuer != null
          ? namedSession(cache, Issuers.normalize(issuer)) : onlySession(cache);
      if (!current.idTokenFreshAt(Instant.now())) {
        current = new Refresher(Oidc.standard(), cache)
            .refresh(current.issuer(), current.clientId());
      }
      spec.commandLine().getOut().println(ExecCredential.json(current));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (LoginException e) {
      throw LoginErrors.toUserError(e);
    }
  }

  private Session namedSession(TokenCache cache, String iss) {
    return cache.read(iss, session.clientId)
        .orElseThrow(() -> ReLogin.notSignedIn(iss, session.clientId));
  }

  private Session onlySession(TokenCache cache) {
    TokenCache.Scan scan = cache.scan();
    List<Session> all = scan.sessions().stream()
        .filter(s -> s.clientId().equals(session.clientId)).toList();
    if (all.isEmpty() && !scan.corrupt().isEmpty()) {
      throw scan.corrupt().get(0);
    }
    if (all.isEmpty()) {
      throw new LoginException(LoginException.Reason.LOGIN_REQUIRED,
          "not signed in: run `wharf login --issuer <realm URL>`");
    }
    if (all.size() > 1) {
      throw new LoginException(LoginException.Reason.LOGIN_REQUIRED,
          "signed in to several issuers (" + String.join(", ",
              all.stream().map(Session::issuer).toList()) + "): pass --issuer");
    }
    return all.get(0);
  }
}
