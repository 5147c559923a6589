package dev.wharf.core;

import java.util.Objects;

/**
 * A Keycloak server and the account Wharf administers it with. Two kinds of account:
 * <ul>
 *   <li>a user of {@code authRealm} signing in through {@code admin-cli} (locally: the
 *       master realm's bootstrap admin), and</li>
 *   <li>a confidential client of {@code authRealm} with a service account
 *       ({@code clientCredentials = true}; in a cluster: client {@code wharf-operator} of realm
 *       {@code wharf} holding realm-management roles), so the operator needs no human's
 *       password.</li>
 * </ul>
 * {@code baseUrl} has no trailing slash, e.g. {@code http://127.0.0.1:8080}.
 */
public record KeycloakServer(String baseUrl, String adminUser, Secret adminPassword,
    String authRealm, boolean clientCredentials) {

  public KeycloakServer {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(adminUser, "adminUser");
    Objects.requireNonNull(adminPassword, "adminPassword");
    DnsLabel.require("Keycloak admin realm", authRealm);
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("Keycloak base URL must start with http:// or https://: "
          + baseUrl);
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** An administrator user of the master realm (password grant through admin-cli). */
  public KeycloakServer(String baseUrl, String adminUser, Secret adminPassword) {
    this(baseUrl, adminUser, adminPassword, "master", false);
  }

  /** A service-account client of {@code realm} (client-credentials grant). */
  public static KeycloakServer serviceAccount(String baseUrl, String realm, String clientId,
      Secret clientSecret) {
    return new KeycloakServer(baseUrl, clientId, clientSecret, realm, true);
  }

  /** The OIDC issuer of {@code realm}: what apps receive as OIDC_ISSUER_URI. */
  public String issuer(String realm) {
    return baseUrl + "/realms/" + DnsLabel.require("realm", realm);
  }
}
