package dev.wharf.operator.testing;

import dev.wharf.api.OidcSpec;
import dev.wharf.local.LocalRuntime;
import dev.wharf.operator.reconcile.OidcClients;
import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Names;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.Secret;
import dev.wharf.provisioning.TeamName;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** OIDC clients for the tests. TEMPORARY in-memory version until Keycloak provisioning lands. */
public final class TestOidc {
  private static final Map<String, Secret> CLIENTS = new ConcurrentHashMap<>();

  private TestOidc() {}

  public static OidcSpec spec() {
    return new OidcSpec(true, List.of("https://app.apps.wharf.example.com/*"), List.of("https://app.apps.wharf.example.com"));
  }

  public static OidcClients clients(LocalRuntime runtime) {
    return new OidcClients() {
      @Override public Outcome ensure(AppRef app, TeamName team, List<String> r, List<String> w) {
        if (CLIENTS.containsKey(clientId(app))) {
          return Outcome.of(Change.UNCHANGED);
        }
        Secret s = Secret.generate();
        CLIENTS.put(clientId(app), s);
        return Outcome.of(Change.CREATED, s);
      }
      @Override public Outcome rotate(AppRef app) {
        Secret s = Secret.generate();
        CLIENTS.put(clientId(app), s);
        return Outcome.of(Change.UPDATED, s);
      }
      @Override public Outcome delete(AppRef app) {
        return Outcome.of(CLIENTS.remove(clientId(app)) == null ? Change.ABSENT : Change.DELETED);
      }
      @Override public boolean verify(AppRef app, Secret secret) { return secret.equals(CLIENTS.get(clientId(app))); }
      @Override public String issuer() { return "http://127.0.0.1/realms/wharf"; }
      @Override public String clientId(AppRef app) { return Names.keycloakClientId(app); }
    };
  }

  public static boolean clientSecretWorks(LocalRuntime runtime, String clientId, String secret) {
    Secret s = CLIENTS.get(clientId);
    return s != null && s.reveal().equals(secret);
  }

  public static void deleteClient(LocalRuntime runtime, String clientId) {
    CLIENTS.remove(clientId);
  }
}
