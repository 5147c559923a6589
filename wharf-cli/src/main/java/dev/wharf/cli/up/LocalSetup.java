package dev.wharf.cli.up;

import dev.wharf.core.AppRef;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.core.Names;
import dev.wharf.core.Secret;
import dev.wharf.core.TeamName;
import dev.wharf.local.LocalRuntime;
import dev.wharf.local.MySqlEndpoint;
import dev.wharf.local.RedisEndpoint;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ProvisioningException;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.mysql.MySqlServer;
import dev.wharf.provisioning.redis.RedisProvisioner;
import dev.wharf.provisioning.redis.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Provisions the local platform the way the operator provisions a cluster, with the same
 * provisioning code: realm {@code wharf} with the teams' groups and demo users, greeter's MySQL
 * database and user, Redis ACL user and Keycloak client, and a second app's client (to show that
 * its tokens are refused). Writes greeter's env file. Idempotent: a warm start reuses what is
 * there and the credentials in the env file while they still work.
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
    Map<String, String> env = new LinkedHashMap<>();
    Writes writes = new Writes();

    MySqlEndpoint m = runtime.mysql();
    try (MySqlProvisioner mysql = new MySqlProvisioner(
        new MySqlServer(m.host(), m.port(), m.adminUser(), Secret.of(m.adminPassword())), writes)) {
      Outcome outcome = mysql.ensure(GREETER, MySqlPrivileges.READ_WRITE);
      Secret password = credential(outcome, previous.get("MYSQL_PASSWORD"),
          p -> mysql.verify(GREETER, p), () -> mysql.rotate(GREETER));
      env.put("MYSQL_URL", mysql.jdbcUrl(GREETER));
      env.put("MYSQL_USERNAME", Names.mysqlUser(GREETER));
      env.put("MYSQL_PASSWORD", password.reveal());
    }

    RedisEndpoint r = runtime.redis();
    try (RedisProvisioner redis = new RedisProvisioner(
        new RedisServer(r.host(), r.port(), r.adminUser(), Secret.of(r.adminPassword())), writes)) {
      var prefix = Names.defaultKeyPrefix(GREETER);
      // After a Redis restart greeter's user comes back with the password greeter already has.
      Outcome outcome = redis.ensure(GREETER, prefix,
          Optional.ofNullable(previous.get("REDIS_PASSWORD")).filter(p -> !p.isEmpty()).map(Secret::of));
      Secret password = credential(outcome, previous.get("REDIS_PASSWORD"),
          p -> redis.verify(GREETER, p), () -> redis.rotate(GREETER));
      env.put("REDIS_URL", redis.url());
      env.put("REDIS_USERNAME", Names.redisUser(GREETER));
      env.put("REDIS_PASSWORD", password.reveal());
      env.put("REDIS_KEY_PREFIX", prefix.value());
    }

    DemoRealm.Clients clients = new DemoRealm(runtime.keycloak(), state, greeterUrl).ensure();
    env.put("OIDC_ISSUER_URI", runtime.keycloak().issuer(REALM));
    env.put("OIDC_CLIENT_ID", clients.greeterId());
    env.put("OIDC_CLIENT_SECRET", clients.greeterSecret().reveal());

    try {
      EnvFile.write(state.greeterEnv(), env);
    } catch (IOException e) {
      throw new ProvisioningException("cannot write " + state.greeterEnv() + ": " + e.getMessage()
          + "; check that the state directory is writable");
    }
    return new Result(Map.copyOf(env), clients.otherId(), clients.otherSecret());
  }

  /**
   * The password to hand greeter: the new one when the provisioner just set one, else the one
   * from the last env file if it still logs in, else a freshly rotated one (e.g. after the env
   * file was deleted).
   */
  static Secret credential(Outcome outcome, String previous, Predicate<Secret> works,
      Supplier<Outcome> rotate) {
    Optional<Secret> fresh = outcome.secret();
    if (fresh.isPresent()) {
      return fresh.get();
    }
    if (previous != null && !previous.isEmpty() && works.test(Secret.of(previous))) {
      return Secret.of(previous);
    }
    return rotate.get().secret().orElseThrow(() -> new ProvisioningException(
        "could not set a new password for greeter: the user vanished while provisioning; run again"));
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
