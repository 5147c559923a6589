package dev.wharf.operator.reconcile;

import static dev.wharf.core.PlatformKeys.OIDC_CLIENT_ID;
import static dev.wharf.core.PlatformKeys.OIDC_CLIENT_SECRET;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.Names;
import dev.wharf.core.PlatformKeys;
import dev.wharf.core.TeamName;
import dev.wharf.provisioning.AppProvisioning;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import java.util.List;

/** The app's confidential client in realm wharf. */
public final class OidcStep implements CapabilityStep {
  private final AppProvisioning provisioning;

  public OidcStep(AppProvisioning provisioning) {
    this.provisioning = provisioning;
  }

  @Override public String condition() { return AppStatus.OIDC_READY; }

  @Override public boolean enabled(AppSpec spec) { return spec.oidcEnabled(); }

  @Override public List<String> keys() { return PlatformKeys.OIDC; }

  @Override
  public boolean recorded(AppRun run) {
    return run.recordedAs(OIDC_CLIENT_ID, ProvisionedNames::getOidcClientId, Names.keycloakClientId(run.ref()));
  }

  @Override
  public Grant ensure(AppRun run) {
    var oidc = run.app().getSpec().getOidc();
    return new Grant.Oidc(provisioning.ensureOidc(run.ref(), TeamName.of(run.app().getSpec().getTeam()),
        OidcClientSpec.of(oidc.getRedirectUris(), oidc.getWebOrigins()), run.storedSecret(OIDC_CLIENT_SECRET)));
  }

  /** Keycloak keeps a client that Wharf did not make for this App (see KeycloakProvisioner#deleteClient). */
  @Override
  public void remove(AppRun run, DeletionPolicy policy) {
    provisioning.removeOidc(run.ref());
  }
}
