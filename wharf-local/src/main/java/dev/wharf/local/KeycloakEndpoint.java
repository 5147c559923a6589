package dev.wharf.local;

/** A running Keycloak and the bootstrap administrator of its master realm. */
public record KeycloakEndpoint(String baseUrl, String adminUser, String adminPassword) {

  /** The OIDC issuer URL of {@code realm}. */
  public String issuer(String realm) {
    return baseUrl + "/realms/" + realm;
  }

  @Override
  public String toString() {
    return "KeycloakEndpoint[" + baseUrl + ", admin=" + adminUser + "]";
  }
}
