package dev.wharf.operator.config;

import dev.wharf.provisioning.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads settings from environment variables. A secret setting {@code X} may instead be given
 * as {@code X_FILE}, a path to a file (a mounted Secret), which is read on every use so that
 * a rotated Secret is picked up without a restart.
 */
public final class Settings {
  private final Map<String, String> env;

  public Settings(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public Optional<String> optional(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public String get(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  public String required(String name, String what) {
    return optional(name).orElseThrow(() -> new ConfigException(
        "missing setting " + name + " (" + what + "): set the environment variable " + name));
  }

  public int port(String name, int fallback) {
    String v = get(name, Integer.toString(fallback));
    try {
      int port = Integer.parseInt(v);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a port number (1-65535), not '" + v + "'");
    }
  }

  /** A secret from {@code name} or the file named by {@code name_FILE}; fails if neither is set. */
  public Supplier<Secret> secret(String name, String what) {
    Optional<String> file = optional(name + "_FILE");
    Optional<String> value = optional(name);
    if (file.isPresent()) {
      Path path = Path.of(file.get());
      readFile(name, path); // fail at start-up, not at first use
      return () -> readFile(name, path);
    }
    if (value.isPresent()) {
      Secret s = Secret.of(value.get());
      return () -> s;
    }
    throw new ConfigException("missing secret " + name + " (" + what + "): set " + name
        + "_FILE to a file holding it (e.g. a mounted Secret) or " + name + " itself");
  }

  private static Secret readFile(String name, Path path) {
    try {
      String v = Files.readString(path).strip();
      if (v.isEmpty()) {
        throw new ConfigException(name + "_FILE points at " + path + ", which is empty: put the secret in it");
      }
      return Secret.of(v);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + name + "_FILE " + path + " (" + e.getClass().getSimpleName()
          + "): mount the Secret there or fix the path");
    }
  }
}
