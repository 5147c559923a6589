package dev.wharf.operator.reconcile;

import static dev.wharf.core.PlatformKeys.OIDC;
import static dev.wharf.core.PlatformKeys.OIDC_CLIENT_ID;
import static dev.wharf.core.PlatformKeys.OIDC_CLIENT_SECRET;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.Names;
import dev.wharf.core.TeamName;
import dev.wharf.provisioning.AppProvisioning;
import dev.wharf.provisioning.OidcAccess;
import dev.wharf.provisioning.keycloak.OidcClientSpec;

/** The app's confidential client in realm wharf. */
public final class OidcStep implements CapabilityStep {
  private final AppProvisioning provisioning;

  public OidcStep(AppProvisioning provisioning) {
    this.provisioning = provisioning;
  }

  @Override public String condition() { return AppStatus.OIDC_READY; }

  @Override public boolean enabled(AppSpec spec) { return spec.oidcEnabled(); }

  @Override
  public boolean recorded(AppRun run) {
    return run.recordedAs(OIDC_CLIENT_ID, ProvisionedNames::getOidcClientId, Names.keycloakClientId(run.ref()));
  }

  @Override
  public String describe(AppRun run) {
    return "client " + Names.keycloakClientId(run.ref()) + " is ready at " + provisioning.issuer();
  }

  @Override
  public void ensure(AppRun run) {
    var oidc = run.app().getSpec().getOidc();
    OidcAccess access = provisioning.ensureOidc(run.ref(), TeamName.of(run.app().getSpec().getTeam()),
        OidcClientSpec.of(oidc.getRedirectUris(), oidc.getWebOrigins()), run.storedSecret(OIDC_CLIENT_SECRET));
    access.env().forEach(run::put);
    run.markRotated(OIDC_CLIENT_SECRET);
    run.names().setOidcClientId(access.clientId());
  }

  /** Keycloak keeps a client that Wharf did not make for this App (see KeycloakProvisioner#deleteClient). */
  @Override
  public void remove(AppRun run, DeletionPolicy policy) {
    provisioning.removeOidc(run.ref());
    run.removeAll(OIDC);
  }
}
