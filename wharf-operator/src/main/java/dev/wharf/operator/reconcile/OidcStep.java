package dev.wharf.operator.reconcile;

import static dev.wharf.operator.model.PlatformKeys.OIDC;
import static dev.wharf.operator.model.PlatformKeys.OIDC_CLIENT_ID;
import static dev.wharf.operator.model.PlatformKeys.OIDC_CLIENT_SECRET;
import static dev.wharf.operator.model.PlatformKeys.OIDC_ISSUER_URI;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.provisioning.DeletionPolicy;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.Secret;
import dev.wharf.provisioning.TeamName;

/** The app's confidential client in realm wharf. */
public final class OidcStep implements CapabilityStep {
  private final KeycloakOidcClients clients;

  public OidcStep(KeycloakOidcClients clients) {
    this.clients = clients;
  }

  @Override public String condition() { return AppStatus.OIDC_READY; }

  @Override public boolean enabled(AppSpec spec) { return spec.oidcEnabled(); }

  @Override
  public boolean recorded(AppRun run) {
    return run.recordedAs(OIDC_CLIENT_ID, ProvisionedNames::getOidcClientId, clients.clientId(run.ref()));
  }

  @Override
  public String describe(AppRun run) {
    return "client " + clients.clientId(run.ref()) + " is ready at " + clients.issuer();
  }

  @Override
  public void ensure(AppRun run) {
    var oidc = run.app().getSpec().getOidc();
    Outcome outcome = clients.ensure(run.ref(), TeamName.of(run.app().getSpec().getTeam()),
        oidc.getRedirectUris(), oidc.getWebOrigins());
    Secret secret = outcome.secret().orElseGet(() -> KeptSecret.keepOrReset(run, OIDC_CLIENT_SECRET,
        stored -> clients.verify(run.ref(), stored), () -> clients.rotate(run.ref()), "Keycloak client"));
    run.put(OIDC_ISSUER_URI, clients.issuer());
    run.put(OIDC_CLIENT_ID, clients.clientId(run.ref()));
    run.putSecret(OIDC_CLIENT_SECRET, secret);
    run.markRotated(OIDC_CLIENT_SECRET);
    run.names().setOidcClientId(clients.clientId(run.ref()));
  }

  /** Keycloak keeps a client that Wharf did not make for this App (see KeycloakProvisioner#deleteClient). */
  @Override
  public void remove(AppRun run, DeletionPolicy policy) {
    clients.delete(run.ref());
    run.removeAll(OIDC);
  }
}
