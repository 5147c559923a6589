package dev.wharf.local;

import java.security.SecureRandom;

/** Random administrator passwords: letters and digits only, so they need no quoting anywhere. */
final class Passwords {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  static String generate() {
    StringBuilder out = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
