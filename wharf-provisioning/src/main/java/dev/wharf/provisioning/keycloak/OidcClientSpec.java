package dev.wharf.provisioning.keycloak;

import dev.wharf.provisioning.InvalidNameException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * What an app asks of its OIDC client.
 *
 * @param redirectUris absolute http(s) URIs; a trailing {@code *} is allowed (Keycloak matches
 *     it as a wildcard)
 * @param webOrigins origins allowed for CORS ({@code scheme://host[:port]}), or {@code +} for
 *     "the origins of the redirect URIs"
 * @param directAccessGrants allow the password grant: only for local demos and tests
 */
public record OidcClientSpec(List<String> redirectUris, List<String> webOrigins,
    boolean directAccessGrants) {

  private static final int MAX_URIS = 50;

  public OidcClientSpec {
    redirectUris = List.copyOf(redirectUris == null ? List.of() : redirectUris);
    webOrigins = List.copyOf(webOrigins == null ? List.of() : webOrigins);
    checkCount("redirectUris", redirectUris);
    checkCount("webOrigins", webOrigins);
    redirectUris.forEach(OidcClientSpec::checkRedirectUri);
    webOrigins.forEach(OidcClientSpec::checkOrigin);
  }

  public static OidcClientSpec of(List<String> redirectUris, List<String> webOrigins) {
    return new OidcClientSpec(redirectUris, webOrigins, false);
  }

  private static void checkCount(String field, List<String> values) {
    if (values.size() > MAX_URIS) {
      throw new InvalidNameException(field + " has " + values.size() + " entries; at most "
          + MAX_URIS + " are allowed");
    }
  }

  static void checkRedirectUri(String value) {
    String withoutWildcard = value.endsWith("*") ? value.substring(0, value.length() - 1) : value;
    URI uri = parse("redirect URI", value, withoutWildcard);
    if (uri.getHost() == null || !isHttp(uri) || withoutWildcard.contains("*")
        || uri.getRawFragment() != null) {
      throw invalid("redirect URI", value, "give an absolute http(s) URI such as"
          + " https://greeter.apps.wharf.example.com/*, with * only at the end and no #fragment");
    }
  }

  static void checkOrigin(String value) {
    if (value.equals("+")) {
      return;
    }
    URI uri = parse("web origin", value, value);
    boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
    if (uri.getHost() == null || !isHttp(uri) || !bare || uri.getRawQuery() != null
        || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw invalid("web origin", value, "give an origin such as"
          + " https://greeter.apps.wharf.example.com (scheme, host and port only), or +");
    }
  }

  private static boolean isHttp(URI uri) {
    return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
  }

  private static URI parse(String what, String shown, String value) {
    if (value == null || value.isEmpty() || value.length() > 2000
        || value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
      throw invalid(what, shown, "it must be a non-empty URI without spaces or control characters");
    }
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw invalid(what, shown, "it is not a valid URI (" + e.getReason() + ")");
    }
  }

  private static InvalidNameException invalid(String what, String value, String fix) {
    String shown = value == null ? "null" : value.length() > 100 ? value.substring(0, 100) + "..."
        : value;
    return new InvalidNameException("invalid " + what + " \""
        + shown.replaceAll("\\p{Cntrl}", "?") + "\": " + fix);
  }
}
