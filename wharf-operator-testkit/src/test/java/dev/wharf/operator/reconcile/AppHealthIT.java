package dev.wharf.operator.reconcile;

import static dev.wharf.operator.testing.OperatorHarness.fullSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.RegistrySpec;
import dev.wharf.operator.config.ReplicaConfig;
import dev.wharf.operator.testing.Kstatus;
import dev.wharf.operator.testing.Kstatus.Status;
import dev.wharf.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Flux's health checks (kstatus) see of an App in each state, with the operator end to
 * end: refused → Failed, ready → Current, a server down → InProgress, then Failed once it has
 * failed for stallAfter (3 s here), then Current again when it is back; and the events of each
 * change, once.
 */
class AppHealthIT {
  static final Duration STALL_AFTER = Duration.ofSeconds(3);
  static OperatorHarness h;
  static Apps apps;

  @BeforeAll
  static void start() {
    h = new OperatorHarness(Duration.ofMinutes(5),
        new ReplicaConfig(STALL_AFTER, Optional.empty(), "wharf-operator-0", Duration.ofSeconds(20)));
    apps = new Apps(h);
  }

  @AfterAll
  static void stop() {
    if (h != null) {
      h.close();
    }
  }

  static Status kstatus(String ns, String name) {
    return Kstatus.compute(h.app(ns, name));
  }

  static List<String> events(String ns, String name) {
    return h.kube.events().v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> name.equals(e.getRegarding().getName()))
        .sorted(java.util.Comparator.comparing(e -> e.getEventTime().getTime()))
        .map(Event::getReason).toList();
  }

  @Test
  void aRefusedAppFailsAndSaysWhyOnce() {
    apps.create("team-a", "refused", fullSpec("team-z"));
    await().atMost(Duration.ofSeconds(30)).until(() -> kstatus("team-a", "refused") == Status.FAILED);
    App app = h.app("team-a", "refused");
    assertThat(app.getStatus().condition(AppStatus.STALLED).orElseThrow()).satisfies(c -> {
      assertThat(c.getReason()).isEqualTo("InvalidSpec");
      assertThat(c.getMessage()).contains("unknown team 'team-z'");
    });
    assertThat(app.getStatus().condition(AppStatus.RECONCILING)).isEmpty();

    apps.resync("team-a", "refused");
    h.awaitQuiet(Duration.ofSeconds(30));
    assertThat(events("team-a", "refused")).as("refused once, not per resync").containsExactly("Refused");
    Event refused = h.kube.events().v1().events().inNamespace("team-a").list().getItems().stream()
        .filter(e -> "refused".equals(e.getRegarding().getName())).findFirst().orElseThrow();
    assertThat(refused.getType()).isEqualTo("Warning");
    assertThat(refused.getNote()).contains("unknown team 'team-z'");
    assertThat(refused.getReportingController()).isEqualTo(KubeEvents.CONTROLLER);
    assertThat(refused.getReportingInstance()).isEqualTo("wharf-operator-0");
    assertThat(refused.getRegarding().getKind()).isEqualTo("App");
  }

  @Test
  void aReadyAppIsCurrentAndWasCreatedOnce() {
    apps.create("team-a", "healthy", fullSpec("team-a"));
    App ready = apps.awaitReady("team-a", "healthy");
    assertThat(Kstatus.compute(ready)).isEqualTo(Status.CURRENT);
    assertThat(ready.getStatus().condition(AppStatus.RECONCILING)).isEmpty();
    assertThat(ready.getStatus().condition(AppStatus.STALLED)).isEmpty();
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());

    apps.resync("team-a", "healthy");
    h.awaitQuiet(Duration.ofSeconds(30));
    assertThat(events("team-a", "healthy")).containsExactly("Created");

    h.patch("team-a", "healthy", "{\"spec\":{\"dashboards\":{\"enabled\":false}}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      App a = h.app("team-a", "healthy");
      return a.getStatus().getObservedGeneration().equals(a.getMetadata().getGeneration())
          && Kstatus.compute(a) == Status.CURRENT;
    });
  }

  @Test
  void aServerDownIsInProgressThenStalledThenRecovers() {
    AppSpec spec = new AppSpec("team-b");
    spec.setRegistry(new RegistrySpec(true));
    apps.create("team-b", "outage", spec);
    apps.awaitReady("team-b", "outage");

    h.harbor.setUnavailable(true);
    try {
      apps.resync("team-b", "outage");
      await().atMost(Duration.ofSeconds(30)).until(() -> kstatus("team-b", "outage") == Status.IN_PROGRESS);
      assertThat(h.app("team-b", "outage").getStatus().condition(AppStatus.RECONCILING).orElseThrow().getReason())
          .isEqualTo("ServerUnavailable");

      await().atMost(Duration.ofSeconds(30)).until(() -> kstatus("team-b", "outage") == Status.FAILED);
      assertThat(h.app("team-b", "outage").getStatus().condition(AppStatus.STALLED).orElseThrow()).satisfies(c -> {
        assertThat(c.getReason()).isEqualTo("ServerUnavailable");
        assertThat(c.getMessage()).contains("still retried", "RegistryReady");
      });
    } finally {
      h.harbor.setUnavailable(false);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> kstatus("team-b", "outage") == Status.CURRENT);
    assertThat(h.app("team-b", "outage").getStatus().isTrue(AppStatus.READY)).isTrue();
    h.awaitQuiet(Duration.ofSeconds(30));
    assertThat(events("team-b", "outage")).containsExactly("Created", "Stalled", "Recovered");
  }
}
