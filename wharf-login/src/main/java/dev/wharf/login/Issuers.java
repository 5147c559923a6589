package dev.wharf.login;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks issuer URLs given on the command line before they reach an HTTP request. */
public final class Issuers {

  private Issuers() {}

  /** An absolute http(s) URL with a host and no query or fragment, else a clear error. */
  public static URI parse(String issuer) {
    if (issuer == null || issuer.isBlank()) {
      throw invalid(issuer, "it is empty");
    }
    URI uri;
    try {
      uri = new URI(issuer);
    } catch (URISyntaxException e) {
      throw invalid(issuer, "it is not a URL (" + e.getReason() + ")");
    }
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw invalid(issuer, "it must start with https://");
    }
    if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw invalid(issuer, "it needs a host and no user, query or fragment");
    }
    if (!encryptedOrLocal(uri)) {
      throw invalid(issuer, "plain http is only allowed for 127.0.0.1 or localhost; use https://");
    }
    return uri;
  }

  /**
   * Where codes, tokens and refresh tokens may be sent: https, or plain http only to this
   * machine (a local Keycloak), never across a network.
   */
  static boolean encryptedOrLocal(URI uri) {
    return uri.getHost() != null
        && ("https".equals(uri.getScheme())
            || ("http".equals(uri.getScheme()) && isLoopback(uri.getHost())));
  }

  /** By name only: no DNS lookup (this runs on the fast path of every kubectl call). */
  private static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.equals("[::1]")) {
      return true;
    }
    if (!host.startsWith("127.")) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** The issuer checked as {@link #parse} does, without a trailing slash: sessions are kept so. */
  public static String normalize(String issuer) {
    parse(issuer);
    return trimSlash(issuer);
  }

  public static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static LoginException invalid(String issuer, String why) {
    return new LoginException(LoginException.Reason.ISSUER_UNREACHABLE,
        "'" + issuer + "' is not a valid issuer: " + why + ". Pass the realm URL, like"
            + " --issuer https://keycloak.example.com/realms/wharf.");
  }
}
