package dev.wharf.provisioning.keycloak;

import dev.wharf.provisioning.Secret;
import java.util.Objects;

/**
 * A Keycloak server and an administrator of its master realm (in a cluster:
 * http://keycloak.keycloak.svc; locally: the runtime's Keycloak). {@code baseUrl} has no
 * trailing slash, e.g. {@code http://127.0.0.1:8080}.
 */
public record KeycloakServer(String baseUrl, String adminUser, Secret adminPassword) {

  public KeycloakServer {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(adminUser, "adminUser");
    Objects.requireNonNull(adminPassword, "adminPassword");
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("Keycloak base URL must start with http:// or https://: "
          + baseUrl);
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The OIDC issuer of {@code realm}: what apps receive as OIDC_ISSUER_URI. */
  public String issuer(String realm) {
    return baseUrl + "/realms/" + dev.wharf.provisioning.DnsLabel.require("realm", realm);
  }
}
