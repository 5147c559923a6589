package dev.wharf.operator.config;

import dev.wharf.core.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads settings from environment variables. A secret setting {@code X} may instead be given
 * as {@code X_FILE}, a path to a file (a mounted Secret). {@link #secret} reads the file on
 * every use, so a rotated Secret is picked up at once. Clients that take their password once
 * at start use {@link #secretAtStart}; {@link #changedAtStartSecrets} then says when the file
 * no longer holds that value, so the operator can have itself restarted.
 */
public final class Settings {
  private final Map<String, String> env;
  /** Secrets read once at start from files, with the value read. */
  private final Map<String, FileSecret> readAtStart = new java.util.concurrent.ConcurrentHashMap<>();

  private record FileSecret(Path path, Secret value) {}

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

  /**
   * A secret read now, for a client that keeps it. When it came from a file, the file is
   * remembered for {@link #changedAtStartSecrets}.
   */
  public Secret secretAtStart(String name, String what) {
    Secret value = secret(name, what).get();
    optional(name + "_FILE").ifPresent(file -> readAtStart.put(name, new FileSecret(Path.of(file), value)));
    return value;
  }

  /**
   * Names of the secrets read at start whose file now holds another value (it was rotated).
   * A file that cannot be read right now counts as unchanged: the kubelet swaps Secret files
   * atomically, so that is a passing state, not a rotation.
   */
  public java.util.List<String> changedAtStartSecrets() {
    java.util.List<String> changed = new java.util.ArrayList<>();
    readAtStart.forEach((name, f) -> {
      try {
        if (!readFile(name, f.path()).equals(f.value())) {
          changed.add(name);
        }
      } catch (ConfigException e) {
        // unreadable or empty for a moment: not a rotation
      }
    });
    java.util.Collections.sort(changed);
    return changed;
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
