package dev.wharf.cli.up;

import dev.wharf.local.KeycloakEndpoint;
import dev.wharf.provisioning.Secret;

/** Realm wharf for local use: groups, demo users, greeter's client and another app's client. */
final class DemoRealm {
  record Clients(String greeterId, Secret greeterSecret, String otherId, Secret otherSecret) {}

  private final KeycloakEndpoint keycloak;
  private final StateDir state;

  DemoRealm(KeycloakEndpoint keycloak, StateDir state) {
    this.keycloak = keycloak;
    this.state = state;
  }

  Clients ensure() {
    throw new dev.wharf.cli.UserError("Keycloak provisioning is not in this build yet");
  }
}
