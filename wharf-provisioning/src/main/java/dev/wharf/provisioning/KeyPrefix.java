package dev.wharf.provisioning;

import java.util.regex.Pattern;

/**
 * A Redis key prefix such as {@code greeter:}. It becomes the ACL patterns
 * {@code ~<prefix>*} and {@code &<prefix>*}, so it may hold no glob characters, spaces or
 * control characters: letters, digits and {@code : . _ / -}, starting with a letter or digit.
 * It is at least {@value #MIN_LENGTH} characters long: a prefix of one or two characters
 * covers so many keys that it would overlap other apps' prefixes by accident.
 */
public record KeyPrefix(String value) {

  /** The prefix rule; the App CRD schema states the same pattern and lengths. */
  public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9:._/-]*$";
  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 128;
  private static final Pattern ALLOWED = Pattern.compile(PATTERN);

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
    if (value.length() < MIN_LENGTH) {
      throw new InvalidNameException("Redis key prefix " + Printable.quote(value) + " is shorter than "
          + MIN_LENGTH + " characters, so it would cover other apps' keys: use a longer one, such as"
          + " \"<team>:<app>:\"");
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
