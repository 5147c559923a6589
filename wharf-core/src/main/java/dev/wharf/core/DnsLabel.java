package dev.wharf.core;

import java.util.regex.Pattern;

/**
 * Kubernetes DNS label rules (RFC 1123): the only shape of name Wharf derives identifiers from.
 * The App CRD's schema states the same pattern and length.
 */
public final class DnsLabel {

  /** The rule as the CRD schema writes it (anchored). */
  public static final String PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  public static final int MAX_LENGTH = 63;
  private static final Pattern LABEL = Pattern.compile(PATTERN);

  private DnsLabel() {}

  /** True when {@code value} is a DNS label. */
  public static boolean isValid(String value) {
    return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && LABEL.matcher(value).matches();
  }

  /**
   * Returns {@code value} when it is a DNS label, else throws an error that names what was
   * wrong and how to fix it. {@code what} says which name it is ("app name", "namespace").
   */
  public static String require(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidNameException(what + " is missing: give a DNS label such as \"greeter\"");
    }
    if (!isValid(value)) {
      throw new InvalidNameException("invalid " + what + " " + Printable.quote(value)
          + ": it must be a DNS label (RFC 1123): lowercase letters, digits and '-',"
          + " starting and ending with a letter or digit, at most " + MAX_LENGTH + " characters");
    }
    return value;
  }
}
