package dev.wharf.cli.up;

import static dev.wharf.core.PlatformKeys.MYSQL_PASSWORD;
import static dev.wharf.core.PlatformKeys.OIDC_CLIENT_SECRET;
import static dev.wharf.core.PlatformKeys.REDIS_PASSWORD;

import dev.wharf.cli.UserError;
import dev.wharf.core.AppRef;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.core.Names;
import dev.wharf.core.Secret;
import dev.wharf.core.TeamName;
import dev.wharf.local.LocalRuntime;
import dev.wharf.local.Service;
import dev.wharf.provisioning.AppProvisioning;
import dev.wharf.provisioning.StoredSecret;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.redis.RedisProvisioner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provisions the local platform the way the operator provisions a cluster, through the same
 * facade ({@link AppProvisioning}): realm {@code wharf} with the teams' groups and demo users
 * ({@link DemoRealm}), greeter's MySQL database and user, Redis ACL user and Keycloak client, and
 * a second app's client (to show that its tokens are refused). Writes greeter's env file; its
 * credentials are what the operator would keep in OpenBao, so a warm start keeps them while
 * they still work.
 */
final class LocalSetup {
  static final String REALM = Names.REALM;
  static final AppRef GREETER = AppRef.of("team-a", "greeter");
  /** Another app of the same team: only its Keycloak client is needed. */
  static final AppRef OTHER_APP = AppRef.of("team-a", "billing");

  record DemoUser(String name, TeamName team) {}

  static final DemoUser DEV_A = new DemoUser("dev-a", TeamName.of("team-a"));
  static final DemoUser DEV_B = new DemoUser("dev-b", TeamName.of("team-b"));

  /** greeter's env (the ten keys) and the other app's client. */
  record Result(Map<String, String> env, String otherClientId, Secret otherClientSecret) {
    @Override
    public String toString() {
      return "Result[" + env.keySet() + ", " + otherClientId + "]";
    }
  }

  private final LocalRuntime runtime;
  private final StateDir state;
  private final String greeterUrl;

  LocalSetup(LocalRuntime runtime, StateDir state, String greeterUrl) {
    this.runtime = runtime;
    this.state = state;
    this.greeterUrl = greeterUrl;
  }

  Result ensure() {
    Map<String, String> previous = readPreviousEnv();
    DemoRealm.OtherClient other = new DemoRealm(runtime.keycloak(), state).ensure();
    Map<String, String> env = new LinkedHashMap<>();
    try (AppProvisioning provisioning = provisioning()) {
      env.putAll(provisioning.ensureMySql(GREETER, MySqlPrivileges.READ_WRITE, stored(previous, MYSQL_PASSWORD)).env());
      env.putAll(provisioning.ensureRedis(GREETER, Names.defaultKeyPrefix(GREETER), stored(previous, REDIS_PASSWORD)).env());
      // The password grant, so a token is one curl away; cluster clients do not allow it.
      var client = new OidcClientSpec(List.of(greeterUrl + "/*"), List.of(greeterUrl), true);
      env.putAll(provisioning.ensureOidc(GREETER, DEV_A.team(), client, stored(previous, OIDC_CLIENT_SECRET)).env());
    }
    try {
      EnvFile.write(state.greeterEnv(), env);
    } catch (IOException e) {
      throw new UserError("cannot write " + state.greeterEnv() + ": " + e.getMessage()
          + "; check that the state directory is writable", 1);
    }
    return new Result(Map.copyOf(env), other.clientId(), other.secret());
  }

  /**
   * Fetches the realm's discovery document and keys once, so Keycloak has them ready (its first
   * answer can take long on a busy machine) when greeter asks on the first request.
   */
  void warmIssuer() {
    String issuer = runtime.keycloak().issuer(LocalSetup.REALM);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (String url : List.of(issuer + "/.well-known/openid-configuration",
        issuer + "/protocol/openid-connect/certs")) {
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
          throw new UserError("Keycloak answered " + r.statusCode() + " for " + url + "; read "
              + runtime.logFile(Service.KEYCLOAK), 1);
        }
      } catch (IOException e) {
        // A refused connection carries no message.
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        throw new UserError("Keycloak did not serve " + url + " (" + why + "); read "
            + runtime.logFile(Service.KEYCLOAK), 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserError("interrupted while waiting for Keycloak", 130);
      }
    }
  }

  private AppProvisioning provisioning() {
    Writes writes = new Writes();
    return new AppProvisioning(new MySqlProvisioner(runtime.mysql(), writes),
        new RedisProvisioner(runtime.redis(), writes),
        new KeycloakProvisioner(runtime.keycloak(), REALM, writes), runtime.keycloak().issuer(REALM));
  }

  /** What the last env file holds for {@code key}: kept while it works, like the operator's stored secret. */
  private static StoredSecret stored(Map<String, String> previous, String key) {
    return StoredSecret.of(Optional.ofNullable(previous.get(key)).filter(v -> !v.isEmpty()).map(Secret::of));
  }

  private Map<String, String> readPreviousEnv() {
    if (!Files.isRegularFile(state.greeterEnv())) {
      return Map.of();
    }
    try {
      return EnvFile.read(state.greeterEnv());
    } catch (IOException e) {
      return Map.of(); // unreadable: the credentials are rotated and the file rewritten
    }
  }
}
