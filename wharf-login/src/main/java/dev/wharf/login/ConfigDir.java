package dev.wharf.login;

import java.nio.file.Path;
import java.util.Map;

/** Where Wharf keeps per-user state: WHARF_CONFIG_DIR, else $XDG_CONFIG_HOME/wharf, else ~/.config/wharf. */
public final class ConfigDir {

  private ConfigDir() {}

  public static Path resolve(Map<String, String> env, String userHome) {
    String explicit = env.get("WHARF_CONFIG_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "wharf");
    }
    return Path.of(userHome, ".config", "wharf");
  }

  /** The directory for the current process's environment and user. */
  public static Path current() {
    return resolve(System.getenv(), System.getProperty("user.home"));
  }
}
