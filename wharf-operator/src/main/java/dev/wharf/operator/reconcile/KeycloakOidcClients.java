package dev.wharf.operator.reconcile;

import dev.wharf.core.AppRef;
import dev.wharf.core.Secret;
import dev.wharf.core.TeamName;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import java.util.List;

/**
 * Confidential OIDC clients of apps in realm wharf, in Keycloak through the provisioning
 * library. The issuer apps are given may differ from the address the operator uses (in a
 * cluster the operator talks to keycloak.keycloak.svc, apps validate tokens against the
 * public issuer).
 */
public final class KeycloakOidcClients implements AutoCloseable {
  private final KeycloakProvisioner keycloak;
  private final String issuer;
  private volatile boolean realmChecked;

  public KeycloakOidcClients(KeycloakProvisioner keycloak, String issuer) {
    this.keycloak = keycloak;
    this.issuer = issuer;
  }

  /** Creates or corrects the client; CREATED carries the new client secret. */
  public Outcome ensure(AppRef app, TeamName team, List<String> redirectUris, List<String> webOrigins) {
    if (!realmChecked) {
      keycloak.ensureRealm(); // reads only once the realm is set up
      realmChecked = true;
    }
    return keycloak.ensureClient(app, team, OidcClientSpec.of(redirectUris, webOrigins));
  }

  /** A new client secret; ABSENT when there is no client. */
  public Outcome rotate(AppRef app) {
    return keycloak.rotateSecret(app);
  }

  public Outcome delete(AppRef app) {
    return keycloak.deleteClient(app);
  }

  /** True when the secret is the client's current one. Writes nothing. */
  public boolean verify(AppRef app, Secret secret) {
    return keycloak.readSecret(app).map(secret::equals).orElse(false);
  }

  /** OIDC_ISSUER_URI as apps see it. */
  public String issuer() {
    return issuer;
  }

  public String clientId(AppRef app) {
    return keycloak.clientId(app);
  }

  @Override
  public void close() {
    keycloak.close();
  }
}
