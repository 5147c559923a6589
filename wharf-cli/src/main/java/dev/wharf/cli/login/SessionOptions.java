package dev.wharf.cli.login;

import dev.wharf.login.ConfigDir;
import dev.wharf.login.LoginNames;
import dev.wharf.login.TokenCache;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that name a session: issuer, client id and where the token cache lives. */
final class SessionOptions {

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  String clientId = LoginNames.DEFAULT_CLIENT_ID;

  @Option(names = "--client-id", defaultValue = LoginNames.DEFAULT_CLIENT_ID, paramLabel = "ID",
      description = "OIDC client id (default: ${DEFAULT-VALUE}).")
  void clientId(String id) {
    // It travels in URLs and forms (encoded there) and names the cache file: printable, no spaces.
    if (id.isEmpty() || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new ParameterException(command.commandLine(), "--client-id '" + id
          + "' is not a client id: it must be non-empty, without spaces (Wharf's clusters use"
          + " 'kubernetes').");
    }
    clientId = id;
  }

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
}
