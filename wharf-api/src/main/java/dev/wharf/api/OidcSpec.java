package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.wharf.provisioning.keycloak.RedirectUris;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

// The generator's annotations cannot bound list items; the rules' cost needs it.
@SchemaCustomizer(value = SchemaAdditions.class, input = "{\"properties\":{"
    + "\"redirectUris\":{\"items\":{\"maxLength\":" + RedirectUris.MAX_LENGTH + "}},"
    + "\"webOrigins\":{\"items\":{\"maxLength\":" + RedirectUris.MAX_LENGTH + "}}}}")
public class OidcSpec {
  @Default("false")
  private boolean enabled;

  @Size(max = RedirectUris.MAX_ENTRIES)
  @ValidationRule(value = RedirectUris.REDIRECT_URIS_RULE, message = "a redirect URI is not allowed: "
      + RedirectUris.REDIRECT_URI_FIX)
  @JsonPropertyDescription("Redirect URIs allowed for the app's Keycloak client: https (http only for localhost,"
      + " 127.0.0.1 or [::1]), may end in /*, no other wildcard, no #fragment.")
  private List<String> redirectUris = new ArrayList<>();

  @Size(max = RedirectUris.MAX_ENTRIES)
  @ValidationRule(value = RedirectUris.WEB_ORIGINS_RULE, message = "a web origin is not allowed: "
      + RedirectUris.WEB_ORIGIN_FIX)
  @JsonPropertyDescription("Origins allowed for CORS on the app's Keycloak client: https://host[:port] (http only for"
      + " localhost), or + for the origins of the redirect URIs.")
  private List<String> webOrigins = new ArrayList<>();

  public OidcSpec() {}

  public OidcSpec(boolean enabled, List<String> redirectUris, List<String> webOrigins) {
    this.enabled = enabled;
    this.redirectUris = new ArrayList<>(redirectUris);
    this.webOrigins = new ArrayList<>(webOrigins);
  }

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public List<String> getRedirectUris() { return redirectUris; }
  public void setRedirectUris(List<String> redirectUris) { this.redirectUris = redirectUris; }
  public List<String> getWebOrigins() { return webOrigins; }
  public void setWebOrigins(List<String> webOrigins) { this.webOrigins = webOrigins; }
}
