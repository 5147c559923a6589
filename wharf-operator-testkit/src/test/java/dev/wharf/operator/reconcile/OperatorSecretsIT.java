package dev.wharf.operator.reconcile;

import static dev.wharf.operator.testing.OperatorHarness.fullSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.App;
import dev.wharf.api.AppStatus;
import dev.wharf.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No password, client secret or robot secret the operator stores, and no admin secret, appears
 * in its log, in an App's status or in an event, through an App's life: created, rotated, a
 * server down and back, a lost account made again, deleted. The log is the one slf4j-simple
 * writes to the file the failsafe configuration names ({@value #LOG_FILE_PROPERTY}).
 */
class OperatorSecretsIT extends WithOperator {
  static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
  @Test
  void noSecretReachesTheLogStatusOrEvents() throws Exception {
    List<Map<String, String>> stored = new ArrayList<>();
    apps.create("team-b", "keeper", fullSpec("team-b"));
    apps.awaitReady("team-b", "keeper");
    stored.add(apps.kv("team-b", "keeper"));

    h.patch("team-b", "keeper", "{\"metadata\":{\"annotations\":{\"" + App.ROTATE_ANNOTATION + "\":\"leak-check\"}}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> "leak-check".equals(h.app("team-b", "keeper").getStatus().getRotation()));
    stored.add(apps.kv("team-b", "keeper"));

    h.harbor.setUnavailable(true);
    try {
      apps.resync("team-b", "keeper");
      apps.awaitCondition("team-b", "keeper", AppStatus.REGISTRY_READY, false);
    } finally {
      h.harbor.setUnavailable(false);
    }
    apps.mysqlAdmin("DROP USER `" + stored.getLast().get("MYSQL_USERNAME") + "`@`%`");
    apps.resync("team-b", "keeper");
    await().atMost(Duration.ofSeconds(30)).until(() -> !apps.kv("team-b", "keeper").get("MYSQL_PASSWORD")
        .equals(stored.getLast().get("MYSQL_PASSWORD")));
    apps.awaitReady("team-b", "keeper");
    stored.add(apps.kv("team-b", "keeper"));
    String statuses = Serialization.asJson(h.kube.resources(App.class).inAnyNamespace().list());
    apps.deleteAndAwaitGone("team-b", "keeper");

    List<String> secrets = new ArrayList<>(List.of(OperatorHarness.OPENBAO_TOKEN, OperatorHarness.HARBOR_PASSWORD,
        h.runtime.mysql().adminPassword().reveal(), h.runtime.redis().adminPassword().reveal(),
        h.runtime.keycloak().adminPassword().reveal()));
    stored.forEach(kv -> kv.forEach((k, v) -> {
      if (k.endsWith("PASSWORD") || k.endsWith("SECRET")) {
        secrets.add(v);
      }
    }));
    assertThat(secrets).as("the life above stored credentials").hasSizeGreaterThan(12);
    String log = operatorLog();
    assertThat(log).as("the operator's log is captured").contains("team-b/keeper: Ready=true")
        .contains("team-b/keeper: RegistryReady failed");
    var appEvents = h.kube.events().v1().events().inAnyNamespace().list().getItems();
    assertThat(appEvents).as("the operator's events of this life").extracting(e -> e.getReason())
        .contains("Created", "Rotated", "Recovered", "Renewed");
    String events = Serialization.asJson(h.kube.v1().events().inAnyNamespace().list())
        + Serialization.asJson(appEvents);
    // Booleans, so that a failure does not print the secret (and the whole log) itself.
    for (int i = 0; i < secrets.size(); i++) {
      String secret = secrets.get(i);
      assertThat(log.contains(secret)).as("secret #%d appears in the operator log", i).isFalse();
      assertThat(statuses.contains(secret)).as("secret #%d appears in an App status", i).isFalse();
      assertThat(events.contains(secret)).as("secret #%d appears in an event", i).isFalse();
    }
  }

  /** What the operator logged in this JVM so far. */
  private static String operatorLog() throws IOException {
    String file = System.getProperty(LOG_FILE_PROPERTY);
    assertThat(file).as("system property %s (set in this module's failsafe configuration)", LOG_FILE_PROPERTY)
        .isNotBlank();
    return Files.readString(Path.of(file));
  }
}
