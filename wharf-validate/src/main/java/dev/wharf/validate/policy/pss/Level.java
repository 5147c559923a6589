package dev.wharf.validate.policy.pss;

import java.util.Locale;
import java.util.Optional;

/** A Pod Security Standards level, as the pod-security.kubernetes.io/enforce label names it. */
public enum Level {
  PRIVILEGED, BASELINE, RESTRICTED;

  /** The level a label value names, or empty when it names none. */
  public static Optional<Level> parse(String label) {
    for (Level l : values()) {
      if (l.label().equals(label)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
