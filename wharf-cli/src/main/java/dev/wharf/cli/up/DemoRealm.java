package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import dev.wharf.core.KeycloakServer;
import dev.wharf.core.Names;
import dev.wharf.core.Secret;
import dev.wharf.core.files.PrivateFiles;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ServiceException;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.KeycloakRealmSetup;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Realm {@code wharf} for local use: the groups of the teams, one demo user per team, and
 * another app's client, whose tokens greeter must refuse. The demo client allows the password
 * grant, so a token is one curl away; cluster clients do not.
 */
final class DemoRealm {
  record OtherClient(String clientId, Secret secret) {}

  private final KeycloakServer keycloak;
  private final StateDir state;

  DemoRealm(KeycloakServer keycloak, StateDir state) {
    this.keycloak = keycloak;
    this.state = state;
  }

  OtherClient ensure() {
    var server = keycloak;
    Writes writes = new Writes();
    try (var kc = new KeycloakRealmSetup(server, LocalSetup.REALM, writes);
        var clients = new KeycloakProvisioner(server, LocalSetup.REALM, writes)) {
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
      var other = LocalSetup.OTHER_APP;
      Outcome outcome = clients.ensureClient(other, LocalSetup.DEV_A.team(),
          new OidcClientSpec(List.of(), List.of(), true));
      // Nobody stores this client's secret: the current one is read (an admin read), never reset.
      Secret secret = outcome.secret().or(() -> clients.readSecret(other)).orElseThrow(() ->
          ServiceException.rejected("Keycloak", "Keycloak has no client " + clients.clientId(other) + " right after"
              + " creating it; see the Keycloak log and run again"));
      return new OtherClient(clients.clientId(other), secret);
    }
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
      throw new UserError("cannot read or write " + file + ": " + e.getMessage()
          + "; check that the state directory is writable", 1);
    }
  }
}
