package dev.wharf.operator.harbor;

import dev.wharf.core.Secret;
import java.util.regex.Pattern;

/**
 * Robot secrets Wharf sets itself. Harbor accepts a secret of at least 8 characters with an
 * upper-case letter, a lower-case letter and a digit (its isValidSec; Harbor's UI also caps it at
 * 128); anything else is refused with 400.
 */
public final class RobotSecrets {
  private static final Pattern UPPER = Pattern.compile("[A-Z]");
  private static final Pattern LOWER = Pattern.compile("[a-z]");
  private static final Pattern DIGIT = Pattern.compile("[0-9]");

  private RobotSecrets() {}

  /** True when Harbor would accept {@code secret} as a robot's secret. */
  public static boolean acceptable(String secret) {
    return secret.length() >= 8 && secret.length() <= 128 && UPPER.matcher(secret).find()
        && LOWER.matcher(secret).find() && DIGIT.matcher(secret).find();
  }

  /** A new random secret Harbor accepts (32 letters and digits, with each kind present). */
  public static Secret generate() {
    while (true) {
      Secret s = Secret.generate();
      if (acceptable(s.reveal())) {
        return s;
      }
    }
  }
}
