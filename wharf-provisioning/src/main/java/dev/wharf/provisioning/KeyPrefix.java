package dev.wharf.provisioning;

import java.util.regex.Pattern;

/**
 * A Redis key prefix such as {@code greeter:}. It becomes the ACL patterns
 * {@code ~<prefix>*} and {@code &<prefix>*}, so it may hold no glob characters, spaces or
 * control characters: letters, digits and {@code : . _ / -}, starting with a letter or digit.
 */
public record KeyPrefix(String value) {

  public static final int MAX_LENGTH = 128;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._/-]*");

  public KeyPrefix {
    if (value == null || value.isEmpty()) {
      throw new InvalidNameException(
          "Redis key prefix is missing: give one such as \"greeter:\" or leave it out for the default");
    }
    if (value.length() > MAX_LENGTH || !ALLOWED.matcher(value).matches()) {
      throw new InvalidNameException("invalid Redis key prefix " + Printable.quote(value)
          + ": use letters, digits and ':' '.' '_' '/' '-' only, starting with a letter or digit,"
          + " at most " + MAX_LENGTH + " characters (no spaces or glob characters like * ? [ ])");
    }
  }

  public static KeyPrefix of(String value) {
    return new KeyPrefix(value);
  }

  /** True when a key could start with both prefixes, i.e. one is a prefix of the other. */
  public boolean overlaps(KeyPrefix other) {
    return value.startsWith(other.value) || other.value.startsWith(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
