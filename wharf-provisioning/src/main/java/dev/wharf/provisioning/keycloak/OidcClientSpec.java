package dev.wharf.provisioning.keycloak;

import dev.wharf.provisioning.InvalidNameException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an app asks of its OIDC client.
 *
 * @param redirectUris redirect URIs as {@link RedirectUris} allows them; a trailing {@code /*}
 *     is Keycloak's wildcard
 * @param webOrigins origins allowed for CORS ({@code scheme://host[:port]}, as
 *     {@link RedirectUris} allows them), or {@code +} for "the origins of the redirect URIs"
 * @param directAccessGrants allow the password grant: only for local demos and tests
 */
public record OidcClientSpec(List<String> redirectUris, List<String> webOrigins,
    boolean directAccessGrants) {

  private static final Pattern REDIRECT_URI = Pattern.compile(RedirectUris.REDIRECT_URI_PATTERN);
  private static final Pattern WEB_ORIGIN = Pattern.compile(RedirectUris.WEB_ORIGIN_PATTERN);

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
    if (values.size() > RedirectUris.MAX_ENTRIES) {
      throw new InvalidNameException(field + " has " + values.size() + " entries; at most "
          + RedirectUris.MAX_ENTRIES + " are allowed");
    }
  }

  static void checkRedirectUri(String value) {
    parse("redirect URI", value);
    if (!REDIRECT_URI.matcher(value).matches()) {
      throw invalid("redirect URI", value, RedirectUris.REDIRECT_URI_FIX);
    }
  }

  static void checkOrigin(String value) {
    parse("web origin", value);
    if (!WEB_ORIGIN.matcher(value).matches()) {
      throw invalid("web origin", value, RedirectUris.WEB_ORIGIN_FIX);
    }
  }

  /** Length, control characters and URI syntax, before the rule itself. */
  private static void parse(String what, String value) {
    if (value == null || value.isEmpty() || value.length() > RedirectUris.MAX_LENGTH
        || value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
      throw invalid(what, value, "it must be a non-empty URI of at most " + RedirectUris.MAX_LENGTH
          + " characters, without spaces or control characters");
    }
    try {
      new URI(value.endsWith("*") ? value.substring(0, value.length() - 1) : value);
    } catch (URISyntaxException e) {
      throw invalid(what, value, "it is not a valid URI (" + e.getReason() + ")");
    }
  }

  private static InvalidNameException invalid(String what, String value, String fix) {
    String shown = value == null ? "null" : value.length() > 100 ? value.substring(0, 100) + "..."
        : value;
    return new InvalidNameException("invalid " + what + " \""
        + shown.replaceAll("\\p{Cntrl}", "?") + "\": " + fix);
  }
}
