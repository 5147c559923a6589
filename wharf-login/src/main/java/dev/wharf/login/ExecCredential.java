package dev.wharf.login;

/**
 * The {@code client.authentication.k8s.io/v1} ExecCredential kubectl reads from an exec
 * plugin. Written by hand: this is on the path of every kubectl call, where loading a JSON
 * library would cost more than the rest of the work.
 */
public final class ExecCredential {

  public static final String API_VERSION = "client.authentication.k8s.io/v1";

  private ExecCredential() {}

  public static String json(Session session) {
    return "{\"kind\":\"ExecCredential\",\"apiVersion\":\"" + API_VERSION + "\","
        + "\"spec\":{\"interactive\":false},"
        + "\"status\":{\"expirationTimestamp\":\""
        + utc(session.idTokenExpiresAt()) + "\","
        + "\"token\":\"" + escape(session.idToken()) + "\"}}";
  }

  /**
   * RFC 3339 UTC time ({@code 2026-01-31T12:00:00Z}), computed here because java.time's
   * formatter costs {@code wharf token} several milliseconds to set up. Days to a civil date
   * after Howard Hinnant's days_from_civil inverse (proleptic Gregorian calendar).
   */
  static String utc(long epochSecond) {
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
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(secs / 3600, 2)
        + ":" + pad(secs / 60 % 60, 2) + ":" + pad(secs % 60, 2) + "Z";
  }

  private static String pad(long value, int width) {
    String s = Long.toString(value);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
