package dev.wharf.login;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Every name sign-in generates: cache files and kubeconfig entries. */
public final class LoginNames {

  /** The kubeconfig context (and cluster) name used when none is given. */
  public static final String DEFAULT_CONTEXT = "wharf";

  /** The OIDC client id of Wharf's clusters (the API server's), used when none is given. */
  public static final String DEFAULT_CLIENT_ID = "kubernetes";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** File names stay below the common 255-byte limit. */
  private static final int MAX_NAME = 240;

  private LoginNames() {}

  /**
   * The token cache file name of (issuer, client id). Every character outside [A-Za-z0-9.-] is
   * written as _XX (its UTF-8 bytes in hex), so the name is safe for any issuer URL, readable,
   * and two different pairs never share a file. No hash: a message digest costs
   * {@code wharf token} tens of milliseconds of security-provider start-up.
   */
  public static String cacheFileName(String issuer, String clientId) {
    StringBuilder name = new StringBuilder("session-");
    // No '+' on strings: see ExecCredential.json.
    byte[] key = new StringBuilder(issuer).append('\n').append(clientId).toString()
        .getBytes(StandardCharsets.UTF_8);
    for (byte b : key) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-') {
        name.append(c);
      } else {
        name.append('_').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    if (name.length() > MAX_NAME) {
      throw new LoginException(LoginException.Reason.PROTOCOL,
          "the issuer URL and client id are too long to name a token cache file ("
              + name.length() + " characters); use a shorter issuer URL.");
    }
    return name.append(".properties").toString();
  }

  /**
   * The kubeconfig user for an issuer and client, e.g. {@code kubernetes@keycloak.example.com/wharf}
   * for client {@code kubernetes} and issuer {@code https://keycloak.example.com/realms/wharf}.
   */
  public static String kubeconfigUser(String issuer, String clientId) {
    URI uri = URI.create(issuer);
    String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    String path = uri.getPath() == null ? "" : uri.getPath();
    String realm = path.startsWith("/realms/") ? "/" + path.substring("/realms/".length()) : path;
    return clientId + "@" + authority + realm;
  }
}
