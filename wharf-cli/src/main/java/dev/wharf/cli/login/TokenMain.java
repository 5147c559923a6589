package dev.wharf.cli.login;

import dev.wharf.cli.WharfCli;
import dev.wharf.login.ConfigDir;
import dev.wharf.login.ExecCredential;
import dev.wharf.login.Issuers;
import dev.wharf.login.LoginException;
import dev.wharf.login.LoginNames;
import dev.wharf.login.Session;
import dev.wharf.login.TokenCache;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The entry point ./wharf uses for {@code wharf token}, which kubectl runs on every call. When
 * the arguments are the ones {@code wharf login} wrote and the cached ID token is fresh, it
 * prints the ExecCredential without starting picocli, Jackson or an HTTP client. Anything else
 * (refresh, errors, --help) goes to the full CLI.
 */
public final class TokenMain {

  private TokenMain() {}

  public static void main(String[] args) {
    Optional<String> credential = cachedCredential(args);
    if (credential.isPresent()) {
      System.out.println(credential.get());
      System.out.flush();
      // Returning ends the JVM with status 0; System.exit would first start the JDK's logging
      // (Runtime.exit is logged), which costs more than everything else here.
      return;
    }
    WharfCli.main(args);
  }

  static Optional<String> cachedCredential(String[] args) {
    if (args.length == 0 || !"token".equals(args[0])) {
      return Optional.empty();
    }
    String issuer = null;
    String clientId = LoginNames.DEFAULT_CLIENT_ID;
    String configDir = null;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        return Optional.empty();
      }
      switch (a) {
        case "--issuer" -> issuer = args[++i];
        case "--client-id" -> clientId = args[++i];
        case "--config-dir" -> configDir = args[++i];
        default -> {
          return Optional.empty();
        }
      }
    }
    if (issuer == null) {
      return Optional.empty();
    }
    try {
      String iss = Issuers.normalize(issuer);
      TokenCache cache = new TokenCache(
          configDir != null ? Path.of(configDir).toAbsolutePath() : ConfigDir.current());
      // No lambdas or string '+' here: each would generate classes at run time.
      Optional<Session> session = cache.read(iss, clientId);
      if (session.isEmpty() || !session.get().idTokenFreshAt(Instant.now())) {
        return Optional.empty();
      }
      return Optional.of(ExecCredential.json(session.get()));
    } catch (LoginException e) {
      // The full CLI reports it with the usual wording and exit code.
      return Optional.empty();
    }
  }
}
