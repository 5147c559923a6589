package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.operator.testing.Kstatus;
import dev.wharf.operator.testing.Kstatus.Status;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The condition set of each state an App can be in, and what kstatus (Flux's health checks)
 * makes of it: refused → Failed, in progress → InProgress, a server down → InProgress, then
 * Failed once it has failed for stallAfter, ready → Current.
 */
class AppHealthTest {
  static final Duration STALL_AFTER = Duration.ofMinutes(10);
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final StepFailure DOWN = new StepFailure(Reason.SERVER_UNAVAILABLE, "MySQL at mysql:3306 does not answer", true);

  static App app(long generation) {
    App app = new App("team-a", "shop", new AppSpec("team-a"));
    app.getMetadata().setGeneration(generation);
    return app;
  }

  /** One reconcile of {@code app} at {@code now}, with the failures the steps report. */
  static Progress run(App app, Instant now, java.util.function.Consumer<Progress> steps) {
    if (app.getStatus() == null) {
      app.setStatus(new AppStatus());
    }
    Progress p = new Progress(app, app.getStatus(), now);
    steps.accept(p);
    p.finish(STALL_AFTER);
    return p;
  }

  static Condition condition(App app, String type) {
    return app.getStatus().condition(type).orElseThrow(() -> new AssertionError("no condition " + type));
  }

  @Test
  void readyIsCurrentWithNeitherReconcilingNorStalled() {
    App app = app(1);
    run(app, T0, p -> p.ok(AppStatus.MYSQL_READY, Reason.PROVISIONED, "database shop"));
    assertThat(app.getStatus().isTrue(AppStatus.READY)).isTrue();
    assertThat(app.getStatus().condition(AppStatus.RECONCILING)).isEmpty();
    assertThat(app.getStatus().condition(AppStatus.STALLED)).isEmpty();
    assertThat(app.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(Kstatus.compute(app)).isEqualTo(Status.CURRENT);
  }

  @Test
  void aRefusedSpecIsStalledAtOnceAndFailsInKstatus() {
    for (Reason reason : new Reason[] {Reason.INVALID_SPEC, Reason.KEY_PREFIX_CONFLICT}) {
      App app = app(1);
      Progress p = run(app, T0, q -> q.refused(StepFailure.of(new StepFailure.Refusal(reason, "change the spec"))));
      assertThat(p.refusal()).isTrue();
      assertThat(condition(app, AppStatus.READY).getStatus()).isEqualTo("False");
      assertThat(condition(app, AppStatus.STALLED)).satisfies(c -> {
        assertThat(c.getStatus()).isEqualTo("True");
        assertThat(c.getReason()).isEqualTo(reason.value());
        assertThat(c.getMessage()).isEqualTo("change the spec");
        assertThat(c.getObservedGeneration()).isEqualTo(1L);
      });
      assertThat(app.getStatus().condition(AppStatus.RECONCILING)).isEmpty();
      assertThat(Kstatus.compute(app)).as(reason.value()).isEqualTo(Status.FAILED);
    }
  }

  @Test
  void aNameTakenInTheNamespaceIsStalledToo() {
    App app = app(1);
    run(app, T0, p -> p.failed(AppStatus.SECRETS_READY,
        StepFailure.of(new StepFailure.Refusal(Reason.NAME_TAKEN, "ServiceAccount team-a/shop is not this App's"))));
    assertThat(condition(app, AppStatus.STALLED).getReason()).isEqualTo("NameTaken");
    assertThat(condition(app, AppStatus.STALLED).getMessage()).startsWith("SecretsReady: ");
    assertThat(Kstatus.compute(app)).isEqualTo(Status.FAILED);
  }

  @Test
  void aNewGenerationIsInProgressFromTheMomentItIsTakenUp() {
    App app = app(1);
    run(app, T0, p -> { });
    app.getMetadata().setGeneration(2L);
    assertThat(Kstatus.compute(app)).as("not observed yet").isEqualTo(Status.IN_PROGRESS);

    Progress p = new Progress(app, app.getStatus(), T0.plusSeconds(5));
    assertThat(p.newGeneration()).isTrue();
    p.started();
    assertThat(condition(app, AppStatus.RECONCILING)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("Provisioning");
      assertThat(c.getObservedGeneration()).isEqualTo(2L);
    });
    assertThat(app.getStatus().getObservedGeneration()).isEqualTo(2L);
    assertThat(Kstatus.compute(app)).as("observed, still at work").isEqualTo(Status.IN_PROGRESS);

    p.finish(STALL_AFTER);
    assertThat(app.getStatus().condition(AppStatus.RECONCILING)).isEmpty();
    assertThat(Kstatus.compute(app)).isEqualTo(Status.CURRENT);
    assertThat(new Progress(app, app.getStatus(), T0).newGeneration()).as("a resync is no new generation").isFalse();
  }

  @Test
  void aServerDownIsInProgressWhileRetriedThenStalledThenCurrentWhenBack() {
    App app = app(1);
    run(app, T0, p -> p.ok(AppStatus.MYSQL_READY, Reason.PROVISIONED, "database shop"));

    Progress first = run(app, T0.plusSeconds(60), p -> p.failed(AppStatus.MYSQL_READY, DOWN));
    assertThat(first.refusal()).isFalse();
    assertThat(condition(app, AppStatus.RECONCILING)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("ServerUnavailable");
      assertThat(c.getMessage()).isEqualTo("retrying: MySqlReady: MySQL at mysql:3306 does not answer");
    });
    assertThat(app.getStatus().condition(AppStatus.STALLED)).isEmpty();
    assertThat(Kstatus.compute(app)).as("first failures").isEqualTo(Status.IN_PROGRESS);

    run(app, T0.plusSeconds(60).plus(STALL_AFTER).minusSeconds(1), p -> p.failed(AppStatus.MYSQL_READY, DOWN));
    assertThat(Kstatus.compute(app)).as("just under stallAfter").isEqualTo(Status.IN_PROGRESS);

    run(app, T0.plusSeconds(60).plus(STALL_AFTER), p -> p.failed(AppStatus.MYSQL_READY, DOWN));
    assertThat(condition(app, AppStatus.STALLED)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("ServerUnavailable");
      assertThat(c.getMessage()).startsWith("failing since " + T0.plusSeconds(60) + ", still retried: MySqlReady: ");
    });
    assertThat(app.getStatus().condition(AppStatus.RECONCILING)).isEmpty();
    assertThat(Kstatus.compute(app)).as("failing for stallAfter").isEqualTo(Status.FAILED);

    run(app, T0.plus(Duration.ofHours(1)), p -> p.ok(AppStatus.MYSQL_READY, Reason.PROVISIONED, "database shop"));
    assertThat(app.getStatus().condition(AppStatus.STALLED)).isEmpty();
    assertThat(Kstatus.compute(app)).as("back").isEqualTo(Status.CURRENT);
  }

  @Test
  void aReadyConditionWithoutAReadableTimeCountsTheFailureFromNow() {
    App app = app(1);
    app.setStatus(new AppStatus());
    app.getStatus().getConditions().add(new Condition("yesterday", "down", 1L, "ServerUnavailable", "False", AppStatus.READY));
    run(app, T0, p -> p.failed(AppStatus.MYSQL_READY, DOWN));
    assertThat(condition(app, AppStatus.RECONCILING).getStatus()).isEqualTo("True");
    assertThat(Kstatus.compute(app)).isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void theEvaluatorReadsReadyFalseAloneAsCurrentAsKstatusDoes() {
    App app = app(3);
    app.setStatus(new AppStatus());
    app.getStatus().setObservedGeneration(3L);
    app.getStatus().setCondition(AppStatus.READY, false, "InvalidSpec", "bad", 3L, T0);
    assertThat(Kstatus.compute(app)).isEqualTo(Status.CURRENT);
    app.getMetadata().setDeletionTimestamp(T0.toString());
    assertThat(Kstatus.compute(app)).isEqualTo(Status.TERMINATING);
  }
}
