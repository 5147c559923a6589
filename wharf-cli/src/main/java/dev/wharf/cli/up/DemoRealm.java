package dev.wharf.cli.up;

import dev.wharf.core.AppRef;
import dev.wharf.core.Names;
import dev.wharf.core.Secret;
import dev.wharf.core.files.PrivateFiles;
import dev.wharf.local.KeycloakEndpoint;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ProvisioningException;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.KeycloakServer;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Realm {@code wharf} for local use, through the operator's Keycloak provisioning: the groups
 * of the teams, one demo user per team, greeter's client and another app's client. The demo
 * clients allow the password grant, so a token is one curl away; cluster clients do not.
 */
final class DemoRealm {
  record Clients(String greeterId, Secret greeterSecret, String otherId, Secret otherSecret) {}

  private final KeycloakEndpoint keycloak;
  private final StateDir state;
  private final String greeterUrl;

  DemoRealm(KeycloakEndpoint keycloak, StateDir state, String greeterUrl) {
    this.keycloak = keycloak;
    this.state = state;
    this.greeterUrl = greeterUrl;
  }

  Clients ensure() {
    var server = new KeycloakServer(keycloak.baseUrl(), keycloak.adminUser(),
        Secret.of(keycloak.adminPassword()));
    try (var kc = new KeycloakProvisioner(server, LocalSetup.REALM, new Writes())) {
      kc.ensureRealm();
      kc.ensureGroup(Names.PLATFORM_ADMINS_GROUP);
      for (LocalSetup.DemoUser user : List.of(LocalSetup.DEV_A, LocalSetup.DEV_B)) {
        kc.ensureGroup(user.team());
        boolean known = Files.isRegularFile(state.password(user.name()));
        Secret password = password(user.name());
        Outcome outcome = kc.ensureUser(user.name(), password, List.of(Names.keycloakGroup(user.team())));
        if (!known && outcome.change() != Change.CREATED) {
          // The password file is new but the user is not (the file was deleted, or another
          // state directory shares this Keycloak): the user gets the password the file holds.
          kc.resetPassword(user.name(), password);
        }
      }
      var spec = new OidcClientSpec(List.of(greeterUrl + "/*"), List.of(greeterUrl), true);
      Secret greeter = secret(kc, LocalSetup.GREETER,
          kc.ensureClient(LocalSetup.GREETER, LocalSetup.DEV_A.team(), spec));
      Secret other = secret(kc, LocalSetup.OTHER_APP,
          kc.ensureClient(LocalSetup.OTHER_APP, LocalSetup.DEV_A.team(),
              new OidcClientSpec(List.of(), List.of(), true)));
      return new Clients(kc.clientId(LocalSetup.GREETER), greeter,
          kc.clientId(LocalSetup.OTHER_APP), other);
    }
  }

  /** The new secret of a new client, else the current one (an admin read). */
  private static Secret secret(KeycloakProvisioner kc, AppRef app, Outcome outcome) {
    return outcome.secret().or(() -> kc.readSecret(app)).orElseThrow(() ->
        new ProvisioningException("Keycloak has no client " + kc.clientId(app) + " right after"
            + " creating it; see the Keycloak log and run again"));
  }

  /**
   * The demo user's password: generated once, kept in the state directory (0600) and set
   * when Keycloak creates the user. It is never printed; curl and the demo read the file.
   */
  private Secret password(String user) {
    Path file = state.password(user);
    try {
      if (Files.isRegularFile(file)) {
        return Secret.of(state.readPassword(user));
      }
      Secret fresh = Secret.generate();
      PrivateFiles.write(file, fresh.reveal());
      return fresh;
    } catch (IOException e) {
      throw new ProvisioningException("cannot read or write " + file + ": " + e.getMessage()
          + "; check that the state directory is writable");
    }
  }
}
