package dev.wharf.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.MySqlPrivileges;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppStatusTest {
  final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
  final Instant t1 = Instant.parse("2026-01-01T00:05:00Z");

  @Test
  void transitionTimeMovesOnlyWhenStatusFlips() {
    AppStatus status = new AppStatus();
    status.setCondition(AppStatus.MYSQL_READY, true, "Provisioned", "ok", 1L, t0);
    status.setCondition(AppStatus.MYSQL_READY, true, "Provisioned", "still ok", 2L, t1);
    assertThat(status.condition(AppStatus.MYSQL_READY).orElseThrow().getLastTransitionTime()).isEqualTo(t0.toString());
    assertThat(status.condition(AppStatus.MYSQL_READY).orElseThrow().getMessage()).isEqualTo("still ok");

    status.setCondition(AppStatus.MYSQL_READY, false, "ServerUnavailable", "down", 2L, t1);
    assertThat(status.condition(AppStatus.MYSQL_READY).orElseThrow().getLastTransitionTime()).isEqualTo(t1.toString());
    assertThat(status.isTrue(AppStatus.MYSQL_READY)).isFalse();
    assertThat(status.getConditions()).hasSize(1);
  }

  @Test
  void removedConditionIsGoneAndOthersStay() {
    AppStatus status = new AppStatus();
    status.setCondition(AppStatus.READY, false, "ServerUnavailable", "down", 1L, t0);
    status.setCondition(AppStatus.RECONCILING, true, "ServerUnavailable", "retrying", 1L, t0);
    status.removeCondition(AppStatus.RECONCILING);
    assertThat(status.condition(AppStatus.RECONCILING)).isEmpty();
    assertThat(status.condition(AppStatus.READY)).isPresent();
  }

  @Test
  void specUsesTheDocumentedJsonValues() {
    String yaml = """
        apiVersion: platform.wharf.dev/v1alpha1
        kind: App
        metadata: {name: greeter, namespace: team-a}
        spec:
          team: team-a
          mysql: {enabled: true, privileges: readOnly}
          redis: {enabled: true}
          deletionPolicy: Delete
        """;
    App app = Serialization.unmarshal(yaml, App.class);
    assertThat(app.getSpec().getMysql().getPrivileges()).isEqualTo(MySqlPrivileges.READ_ONLY);
    assertThat(app.getSpec().redisEnabled()).isTrue();
    assertThat(app.getSpec().oidcEnabled()).isFalse();
    assertThat(app.getSpec().deletionPolicyOrDefault()).isEqualTo(DeletionPolicy.DELETE);
    assertThat(Serialization.asJson(app)).contains("\"privileges\":\"readOnly\"");
  }
}
