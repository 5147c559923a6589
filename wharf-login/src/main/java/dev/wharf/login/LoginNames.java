package dev.wharf.login;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Every name sign-in generates: cache files and kubeconfig entries. */
public final class LoginNames {

  /** The kubeconfig context (and cluster) name used when none is given. */
  public static final String DEFAULT_CONTEXT = "wharf";

  private LoginNames() {}

  /**
   * The token cache file name of (issuer, client id): a hash, so any issuer URL gives a safe
   * file name and two issuers never share a file.
   */
  public static String cacheFileName(String issuer, String clientId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((issuer + "\n" + clientId).getBytes(StandardCharsets.UTF_8));
      return "session-" + HexFormat.of().formatHex(digest, 0, 12) + ".properties";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
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
