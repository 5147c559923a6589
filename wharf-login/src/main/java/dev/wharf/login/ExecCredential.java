package dev.wharf.login;

/**
 * The {@code client.authentication.k8s.io/v1} ExecCredential kubectl reads from an exec
 * plugin. Written by hand: this is on the path of every kubectl call, where loading a JSON
 * library would cost more than the rest of the work.
 */
public final class ExecCredential {

  public static final String API_VERSION = "client.authentication.k8s.io/v1";

  private ExecCredential() {}

  /**
   * The credential JSON. Built with a StringBuilder on purpose: '+' on strings bootstraps
   * StringConcatFactory, which generates classes at run time and costs milliseconds here.
   */
  public static String json(Session session) {
    StringBuilder b = new StringBuilder(session.idToken().length() + 200);
    b.append("{\"kind\":\"ExecCredential\",\"apiVersion\":\"").append(API_VERSION)
        .append("\",\"spec\":{\"interactive\":false},\"status\":{\"expirationTimestamp\":\"");
    utc(session.idTokenExpiresAt(), b);
    b.append("\",\"token\":\"");
    escape(session.idToken(), b);
    return b.append("\"}}").toString();
  }

  /** RFC 3339 UTC time, like {@code 2026-01-31T12:00:00Z}. */
  static String utc(long epochSecond) {
    StringBuilder b = new StringBuilder(20);
    utc(epochSecond, b);
    return b.toString();
  }

  /**
   * Computed here because java.time's formatter costs {@code wharf token} several milliseconds
   * to set up. Days to a civil date after Howard Hinnant's days_from_civil inverse (proleptic
   * Gregorian calendar).
   */
  private static void utc(long epochSecond, StringBuilder b) {
    long days = Math.floorDiv(epochSecond, 86_400L);
    long secs = Math.floorMod(epochSecond, 86_400L);
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    pad(b, year, 4).append('-');
    pad(b, month, 2).append('-');
    pad(b, day, 2).append('T');
    pad(b, secs / 3600, 2).append(':');
    pad(b, secs / 60 % 60, 2).append(':');
    pad(b, secs % 60, 2).append('Z');
  }

  private static StringBuilder pad(StringBuilder b, long value, int width) {
    String s = Long.toString(value);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  private static void escape(String s, StringBuilder b) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        String hex = Integer.toHexString(c);
        b.append("\\u");
        for (int k = hex.length(); k < 4; k++) {
          b.append('0');
        }
        b.append(hex);
      } else {
        b.append(c);
      }
    }
  }
}
