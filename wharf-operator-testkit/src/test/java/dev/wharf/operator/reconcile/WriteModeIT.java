package dev.wharf.operator.reconcile;

import static dev.wharf.operator.testing.OperatorHarness.fullSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.App;
import dev.wharf.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the operator writes its App: the status and the finalizer as an API server answers them,
 * including a 409 Conflict (queued on the mock server) where a real server may give one.
 */
class WriteModeIT extends WithOperator {
  static String appPath(String ns, String name) {
    return "/apis/" + App.GROUP + "/" + App.VERSION + "/namespaces/" + ns + "/apps/" + name;
  }

  @Test
  void aConflictOnTheStatusWriteAfterARotationRotatesOnceAndEndsReady() {
    apps.create("team-a", "twice", fullSpec("team-a"));
    apps.awaitReady("team-a", "twice");
    Map<String, String> before = apps.kv("team-a", "twice");
    int versions = h.openBao.kvVersions("apps/team-a/twice");

    // The credentials are renewed and stored, then the status write that records it fails.
    var conflicted = h.conflictOnce("PATCH", appPath("team-a", "twice") + "/status");
    h.patch("team-a", "twice", "{\"metadata\":{\"annotations\":{\"" + App.ROTATE_ANNOTATION + "\":\"r1\"}}}");
    await().atMost(Duration.ofSeconds(60))
        .until(() -> "r1".equals(h.app("team-a", "twice").getStatus().getRotation()));
    apps.awaitReady("team-a", "twice");
    h.awaitQuiet(Duration.ofSeconds(30));
    assertThat(conflicted.getAsBoolean()).as("the status write met the 409").isTrue();

    Map<String, String> after = apps.kv("team-a", "twice");
    assertThat(h.openBao.kvVersions("apps/team-a/twice")).as("one rotation stored once").isEqualTo(versions + 1);
    for (String key : List.of("MYSQL_PASSWORD", "REDIS_PASSWORD", "OIDC_CLIENT_SECRET", "REGISTRY_PASSWORD")) {
      assertThat(after.get(key)).as(key).isNotEqualTo(before.get(key));
    }
    assertThat(apps.mysqlLogin(after)).isTrue();
    assertThat(apps.redisLogin(after)).isTrue();
  }

  @Test
  void aConflictOnTheFinalizerPatchIsRetriedAndTheAppBecomesReady() {
    var conflicted = h.conflictOnce("PATCH", appPath("team-a", "latch"));
    apps.create("team-a", "latch", fullSpec("team-a"));
    App ready = apps.awaitReady("team-a", "latch");
    assertThat(conflicted.getAsBoolean()).as("the finalizer patch met the 409").isTrue();
    assertThat(ready.getMetadata().getFinalizers()).contains("apps.platform.wharf.dev/finalizer");
  }
}
