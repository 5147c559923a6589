package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.ArrayList;
import java.util.List;

public class OidcSpec {
  @Default("false")
  private boolean enabled;

  @JsonPropertyDescription("Redirect URIs allowed for the app's Keycloak client (https, may end in /*).")
  private List<String> redirectUris = new ArrayList<>();

  @JsonPropertyDescription("Origins allowed for CORS on the app's Keycloak client.")
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
