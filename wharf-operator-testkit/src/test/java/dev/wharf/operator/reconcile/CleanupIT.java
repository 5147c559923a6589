package dev.wharf.operator.reconcile;

import static dev.wharf.operator.testing.OperatorHarness.fullSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.RedisSpec;
import dev.wharf.api.RegistrySpec;
import dev.wharf.core.AppRef;
import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.Names;
import dev.wharf.operator.stub.HarborStub;
import dev.wharf.operator.testing.OperatorHarness;
import dev.wharf.operator.testing.TestOidc;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deleting an App removes only what the operator recorded as provisioned for it: an App that
 * was refused, or whose spec changed to names it never got, cannot take another team's data
 * or a same-named account that something else made.
 */
class CleanupIT extends WithOperator {
  static AppSpec deleting(AppSpec spec, String keyPrefix) {
    spec.setRedis(new RedisSpec(true, keyPrefix));
    spec.setDeletionPolicy(DeletionPolicy.DELETE);
    return spec;
  }

  @Test
  void deletingARefusedAppDeletesNothingItDidNotProvision() throws Exception {
    apps.create("team-a", "vault", fullSpec("team-a"));
    apps.awaitReady("team-a", "vault");
    Map<String, String> vault = apps.kv("team-a", "vault");
    assertThat(apps.redisLogin(vault)).isTrue(); // writes vault:probe

    // Someone else's database, Keycloak client and Harbor robot with the names team-b/squatter would get.
    AppRef squatter = AppRef.of("team-b", "squatter");
    apps.mysqlAdmin("CREATE DATABASE `" + Names.mysqlDatabase(squatter) + "`");
    TestOidc.createForeignClient(h.runtime, Names.keycloakClientId(squatter));
    h.harbor.addProject("team-b");
    long robot = h.harbor.addRobot("team-b", "team-b.squatter", "made by hand");

    // Its prefix overlaps team-a's, so it is refused before anything is provisioned.
    apps.create("team-b", "squatter", deleting(fullSpec("team-b"), "vau"));
    var refused = apps.awaitCondition("team-b", "squatter", AppStatus.READY, false);
    assertThat(refused.getStatus().condition(AppStatus.READY).orElseThrow().getReason()).isEqualTo("KeyPrefixConflict");

    apps.deleteAndAwaitGone("team-b", "squatter");

    try (var redis = apps.redisAdmin()) {
      assertThat(redis.exists("vault:probe")).as("team-a's keys").isTrue();
    }
    assertThat(apps.redisLogin(vault)).as("team-a's Redis user").isTrue();
    assertThat(apps.databaseExists(Names.mysqlDatabase(squatter))).as("the database it never made").isTrue();
    assertThat(TestOidc.clientExists(h.runtime, Names.keycloakClientId(squatter))).as("the client it never made").isTrue();
    assertThat(h.harbor.robots()).extracting(HarborStub.StoredRobot::id).as("the robot it never made").contains(robot);
  }

  @Test
  void aSameNamedRobotSomeoneElseMadeIsNeitherTakenOverNorDeleted() {
    h.harbor.addProject("team-a");
    long robot = h.harbor.addRobot("team-a", "team-a.taken", "CI pulls");
    AppSpec spec = new AppSpec("team-a");
    spec.setRegistry(new RegistrySpec(true));
    apps.create("team-a", "taken", spec);
    var refused = apps.awaitCondition("team-a", "taken", AppStatus.REGISTRY_READY, false);
    assertThat(refused.getStatus().condition(AppStatus.REGISTRY_READY).orElseThrow()).satisfies(c -> {
      assertThat(c.getReason()).isEqualTo("Conflict");
      assertThat(c.getMessage()).contains("robot$team-a+team-a.taken", "not make");
    });

    apps.deleteAndAwaitGone("team-a", "taken");
    assertThat(h.harbor.robots()).extracting(HarborStub.StoredRobot::id).contains(robot);
  }

  @Test
  void deletionUsesThePrefixRecordedAtProvisioningNotTheSpec() throws Exception {
    apps.create("team-a", "safe", fullSpec("team-a"));
    apps.awaitReady("team-a", "safe");
    assertThat(apps.redisLogin(apps.kv("team-a", "safe"))).isTrue(); // safe:probe

    apps.create("team-b", "mover", deleting(fullSpec("team-b"), "mover:"));
    apps.awaitReady("team-b", "mover");
    assertThat(apps.redisLogin(apps.kv("team-b", "mover"))).isTrue(); // mover:probe
    // Changed to a prefix that overlaps team-a's: refused, so mover still holds "mover:".
    h.patch("team-b", "mover", "{\"spec\":{\"redis\":{\"keyPrefix\":\"saf\"}}}");
    apps.awaitCondition("team-b", "mover", AppStatus.READY, false);

    apps.deleteAndAwaitGone("team-b", "mover");

    try (var redis = apps.redisAdmin()) {
      assertThat(redis.exists("safe:probe")).as("team-a's keys").isTrue();
      assertThat(redis.exists("mover:probe")).as("its own keys, under Delete").isFalse();
    }
  }
}
