package dev.wharf.provisioning.keycloak;

import dev.wharf.core.RedirectUris;
import java.util.List;

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

  public OidcClientSpec {
    redirectUris = List.copyOf(redirectUris == null ? List.of() : redirectUris);
    webOrigins = List.copyOf(webOrigins == null ? List.of() : webOrigins);
    RedirectUris.requireCount("redirectUris", redirectUris);
    RedirectUris.requireCount("webOrigins", webOrigins);
    redirectUris.forEach(RedirectUris::requireRedirectUri);
    webOrigins.forEach(RedirectUris::requireWebOrigin);
  }

  public static OidcClientSpec of(List<String> redirectUris, List<String> webOrigins) {
    return new OidcClientSpec(redirectUris, webOrigins, false);
  }
}
