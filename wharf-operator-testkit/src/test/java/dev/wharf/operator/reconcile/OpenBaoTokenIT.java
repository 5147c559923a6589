package dev.wharf.operator.reconcile;

import static dev.wharf.operator.testing.OperatorHarness.fullSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.App;
import dev.wharf.api.AppStatus;
import dev.wharf.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator's OpenBao token is revoked (or lost with a restore of OpenBao): the next
 * reconcile drops it, logs in again with its ServiceAccount and succeeds, with no failure in
 * between; and the entry's writes are check-and-set.
 */
class OpenBaoTokenIT extends WithOperator {
  @Test
  void aRevokedTokenIsReplacedByANewLoginAndTheReconcileSucceeds() {
    apps.create("team-a", "relogin", fullSpec("team-a"));
    apps.awaitReady("team-a", "relogin");
    int logins = h.openBao.logins();

    h.openBao.revokeTokens();
    h.patch("team-a", "relogin", "{\"metadata\":{\"annotations\":{\"" + App.ROTATE_ANNOTATION + "\":\"after-revoke\"}}}");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "after-revoke".equals(h.app("team-a", "relogin").getStatus().getRotation()));
    App app = apps.awaitReady("team-a", "relogin");
    assertThat(app.getStatus().condition(AppStatus.SECRETS_READY).orElseThrow().getStatus()).isEqualTo("True");
    assertThat(h.openBao.logins()).isGreaterThan(logins);
    Map<String, String> kv = apps.kv("team-a", "relogin");
    assertThat(apps.mysqlLogin(kv)).as("the rotated credentials were stored with the new token").isTrue();
  }

  @Test
  void anEntryChangedByAnotherWriterMeanwhileIsReadAgainNotOverwritten() {
    apps.create("team-a", "contested", fullSpec("team-a"));
    apps.awaitReady("team-a", "contested");
    int versions = h.openBao.kvVersions("apps/team-a/contested");
    // Another writer adds a key between the operator's read and its write of the rotated entry:
    // the write's check-and-set fails, and the retry starts from what is stored then.
    h.openBao.raceNextWrite("apps/team-a/contested", "NOTE", "kept");
    h.patch("team-a", "contested", "{\"metadata\":{\"annotations\":{\"" + App.ROTATE_ANNOTATION + "\":\"r1\"}}}");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "r1".equals(h.app("team-a", "contested").getStatus().getRotation()));
    App app = apps.awaitReady("team-a", "contested");
    Map<String, String> kv = apps.kv("team-a", "contested");
    assertThat(kv).containsEntry("NOTE", "kept");
    assertThat(apps.mysqlLogin(kv)).isTrue();
    assertThat(h.openBao.kvVersions("apps/team-a/contested")).as("the race's version, then the operator's")
        .isEqualTo(versions + 2);
    assertThat(app.getStatus().isTrue(AppStatus.READY)).isTrue();
  }
}
