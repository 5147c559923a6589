package dev.wharf.operator.reconcile;

import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.Secret;
import dev.wharf.provisioning.TeamName;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import java.util.List;

/**
 * App clients in Keycloak through the provisioning library. The issuer apps are given may
 * differ from the address the operator uses (in a cluster the operator talks to
 * keycloak.keycloak.svc, apps validate tokens against the public issuer).
 */
public final class KeycloakOidcClients implements OidcClients, AutoCloseable {
  private final KeycloakProvisioner keycloak;
  private final String issuer;
  private volatile boolean realmChecked;

  public KeycloakOidcClients(KeycloakProvisioner keycloak, String issuer) {
    this.keycloak = keycloak;
    this.issuer = issuer;
  }

  @Override
  public Outcome ensure(AppRef app, TeamName team, List<String> redirectUris, List<String> webOrigins) {
    if (!realmChecked) {
      keycloak.ensureRealm(); // reads only once the realm is set up
      realmChecked = true;
    }
    return keycloak.ensureClient(app, team, OidcClientSpec.of(redirectUris, webOrigins));
  }

  @Override
  public Outcome rotate(AppRef app) {
    return keycloak.rotateSecret(app);
  }

  @Override
  public Outcome delete(AppRef app) {
    return keycloak.deleteClient(app);
  }

  @Override
  public boolean verify(AppRef app, Secret secret) {
    return keycloak.readSecret(app).map(secret::equals).orElse(false);
  }

  @Override
  public String issuer() {
    return issuer;
  }

  @Override
  public String clientId(AppRef app) {
    return keycloak.clientId(app);
  }

  @Override
  public void close() {
    keycloak.close();
  }
}
