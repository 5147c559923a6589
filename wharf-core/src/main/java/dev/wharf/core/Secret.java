package dev.wharf.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;

/** A password or client secret. Its toString never shows the value. */
public final class Secret {

  /** Letters and digits only: safe in env files, URLs, JDBC properties and ACL rules. */
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  /** 32 characters of 62 symbols: about 190 bits. */
  private static final int GENERATED_LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a known value (read from a store or given by an administrator). */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    return new Secret(value);
  }

  /** A new random secret from a strong random source. */
  public static Secret generate() {
    var chars = new char[GENERATED_LENGTH];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new Secret(new String(chars));
  }

  /** The value itself; call only where it is sent to a server or stored. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0; // equal secrets must hash equally without leaking anything about the value
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
