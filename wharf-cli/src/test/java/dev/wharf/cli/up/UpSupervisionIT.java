package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.local.Service;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'wharf up' under faults: each server and greeter killed outright (SIGKILL) while the
 * platform serves is reported, restarted on its port and data, and the next request succeeds.
 * The servers are this JVM's shared ones ({@link SharedServers}); they come back for the tests
 * that follow.
 */
class UpSupervisionIT {
  @TempDir Path stateDir;

  private final StringWriter output = new StringWriter();
  private final PrintWriter out = new PrintWriter(output, true);
  private final DemoHttp http = new DemoHttp();

  @Test
  void everyKilledProcessIsRestartedAndTheNextRequestSucceeds() throws Exception {
    StateDir state = StateDir.of(stateDir).create();
    try (LocalPlatform platform = LocalPlatform.start(state, LocalPorts.ANY, out, false,
        GreeterJar.fromEnvironment(), null, SharedServers.INSTANCE)) {
      long id = createGreeting(platform, state);
      for (Service s : List.of(Service.MYSQL, Service.REDIS, Service.KEYCLOAK)) {
        killOutright(platform.runtime().processes(s));
        awaitBack(s.displayName());
        assertThat(output.toString()).contains("wharf: " + s.displayName() + " exited unexpectedly (exit status 137:"
            + " killed by signal 9 (SIGKILL)); its log: " + platform.runtime().logFile(s));
        id = createGreeting(platform, state);
        assertThat(http.get(api(platform) + "/" + id, token(platform, state)).status()).as(s.displayName())
            .isEqualTo(200);
      }
      killOutright(platform.ownedProcesses()); // greeter only: the shared servers are not ours
      awaitBack("greeter");
      assertThat(output.toString()).contains("wharf: greeter exited unexpectedly (exit status 137: killed by signal 9"
          + " (SIGKILL)); its log: " + state.greeterLog());
      assertThat(http.get(api(platform) + "/" + id, token(platform, state)).status()).isEqualTo(200);
    }
  }

  /** SIGKILL to everything under the guard, as a crash or the OOM killer would; the guard reports it. */
  private static void killOutright(List<ProcessHandle> guardFirst) {
    assertThat(guardFirst).hasSizeGreaterThan(1);
    guardFirst.subList(1, guardFirst.size()).forEach(ProcessHandle::destroyForcibly);
  }

  private void awaitBack(String name) {
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
        .until(() -> output.toString().contains("wharf: " + name + " is back"));
  }

  private long createGreeting(LocalPlatform platform, StateDir state) throws Exception {
    DemoHttp.Response r = http.postJson(api(platform), token(platform, state), DemoHttp.json(Map.of("name", "Ada")));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  private String token(LocalPlatform platform, StateDir state) throws Exception {
    Map<String, String> env = platform.greeterEnv();
    return http.token(platform.info().tokenEndpoint(), env.get("OIDC_CLIENT_ID"), env.get("OIDC_CLIENT_SECRET"),
        LocalSetup.DEV_A.name(), state.readPassword(LocalSetup.DEV_A.name()));
  }

  private static String api(LocalPlatform platform) {
    return platform.greeterUrl() + "/api/greetings";
  }
}
