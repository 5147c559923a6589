package dev.wharf.login;

import java.time.Instant;

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
        + Instant.ofEpochSecond(session.idTokenExpiresAt()) + "\","
        + "\"token\":\"" + escape(session.idToken()) + "\"}}";
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
