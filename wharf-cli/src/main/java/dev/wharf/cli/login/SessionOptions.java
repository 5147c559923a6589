package dev.wharf.cli.login;

import dev.wharf.login.ConfigDir;
import dev.wharf.login.Issuers;
import dev.wharf.login.TokenCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that name a session: issuer, client id and where the token cache lives. */
final class SessionOptions {

  static final String DEFAULT_CLIENT_ID = "kubernetes";

  @Option(names = "--client-id", defaultValue = DEFAULT_CLIENT_ID, paramLabel = "ID",
      description = "OIDC client id (default: ${DEFAULT-VALUE}).")
  String clientId;

  @Option(names = "--config-dir", paramLabel = "DIR",
      description = "Where tokens are kept (default: $WHARF_CONFIG_DIR, else"
          + " $XDG_CONFIG_HOME/wharf, else ~/.config/wharf).")
  Path configDir;

  Path configDir() {
    return configDir != null ? configDir.toAbsolutePath() : ConfigDir.current();
  }

  TokenCache cache() {
    return new TokenCache(configDir());
  }

  /** The issuer as given, checked, without a trailing slash. */
  static String normalizeIssuer(String issuer) {
    Issuers.parse(issuer);
    return Issuers.trimSlash(issuer);
  }
}
