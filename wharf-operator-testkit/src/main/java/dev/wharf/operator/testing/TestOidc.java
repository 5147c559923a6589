package dev.wharf.operator.testing;

import dev.wharf.api.OidcSpec;
import dev.wharf.local.LocalRuntime;
import dev.wharf.operator.reconcile.KeycloakOidcClients;
import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.Secret;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.KeycloakServer;
import java.util.List;

/** OIDC clients on the runtime's real Keycloak, and checks against it. */
public final class TestOidc {
  private TestOidc() {}

  public static OidcSpec spec() {
    return new OidcSpec(true, List.of("https://app.apps.wharf.example.com/*"), List.of("https://app.apps.wharf.example.com"));
  }

  public static KeycloakProvisioner provisioner(LocalRuntime runtime, Writes writes) {
    var k = runtime.keycloak();
    return new KeycloakProvisioner(new KeycloakServer(k.baseUrl(), k.adminUser(), Secret.of(k.adminPassword())), writes);
  }

  public static KeycloakOidcClients clients(LocalRuntime runtime, Writes writes) {
    KeycloakProvisioner p = provisioner(runtime, writes);
    return new KeycloakOidcClients(p, p.issuer());
  }

  /** True when Keycloak's current secret of the client is this one. */
  public static boolean clientSecretWorks(LocalRuntime runtime, String clientId, String secret) {
    try (KeycloakProvisioner p = provisioner(runtime, new Writes())) {
      return p.readSecret(ref(clientId)).map(s -> s.reveal().equals(secret)).orElse(false);
    }
  }

  public static void deleteClient(LocalRuntime runtime, String clientId) {
    try (KeycloakProvisioner p = provisioner(runtime, new Writes())) {
      p.deleteClient(ref(clientId));
    }
  }

  /** Client ids are {@code <namespace>.<app>}. */
  private static AppRef ref(String clientId) {
    int dot = clientId.indexOf('.');
    return AppRef.of(clientId.substring(0, dot), clientId.substring(dot + 1));
  }
}
