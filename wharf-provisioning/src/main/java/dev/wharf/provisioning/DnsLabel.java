package dev.wharf.provisioning;

import java.util.regex.Pattern;

/** Kubernetes DNS label rules (RFC 1123): the only shape of name Wharf derives identifiers from. */
public final class DnsLabel {

  public static final int MAX_LENGTH = 63;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private DnsLabel() {}

  /**
   * Returns {@code value} when it is a DNS label, else throws an error that names what was
   * wrong and how to fix it. {@code what} says which name it is ("app name", "namespace").
   */
  public static String require(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidNameException(what + " is missing: give a DNS label such as \"greeter\"");
    }
    if (value.length() > MAX_LENGTH || !LABEL.matcher(value).matches()) {
      throw new InvalidNameException("invalid " + what + " " + Printable.quote(value)
          + ": it must be a DNS label (RFC 1123): lowercase letters, digits and '-',"
          + " starting and ending with a letter or digit, at most " + MAX_LENGTH + " characters");
    }
    return value;
  }
}
