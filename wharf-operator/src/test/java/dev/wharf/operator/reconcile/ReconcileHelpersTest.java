package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.operator.http.ExternalServiceException;
import dev.wharf.operator.model.ManagedFields;
import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.ProvisioningException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconcileHelpersTest {
  final ObjectMapper json = new ObjectMapper();

  @Test
  void objectMatchesWhenEveryDesiredFieldIsThereWhateverTheServerAdded() throws Exception {
    var have = json.readTree("{\"metadata\":{\"name\":\"a\",\"labels\":{\"x\":\"1\",\"extra\":\"2\"}},\"spec\":{\"a\":[1,2],\"default\":true}}");
    assertThat(ManagedFields.contains(have, json.readTree("{\"metadata\":{\"labels\":{\"x\":\"1\"}},\"spec\":{\"a\":[1,2]}}"))).isTrue();
    assertThat(ManagedFields.contains(have, json.readTree("{\"spec\":{\"a\":[1]}}"))).isFalse();
    assertThat(ManagedFields.contains(have, json.readTree("{\"metadata\":{\"labels\":{\"x\":\"2\"}}}"))).isFalse();
    assertThat(ManagedFields.contains(have, json.readTree("{\"spec\":{\"missing\":\"v\"}}"))).isFalse();
    assertThat(ManagedFields.contains(have, json.readTree("{\"spec\":{\"none\":[]}}"))).as("empty is absent").isTrue();
  }

  @Test
  void backoffDoublesUpToTheMaximumAndResets() {
    Backoff b = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(30));
    AppRef app = AppRef.of("team-a", "x");
    assertThat(b.next(app)).isEqualTo(Duration.ofSeconds(5));
    assertThat(b.next(app)).isEqualTo(Duration.ofSeconds(10));
    assertThat(b.next(app)).isEqualTo(Duration.ofSeconds(20));
    assertThat(b.next(app)).isEqualTo(Duration.ofSeconds(30));
    assertThat(b.next(app)).isEqualTo(Duration.ofSeconds(30));
    b.reset(app);
    assertThat(b.next(app)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void failuresMapToReasons() {
    assertThat(StepFailure.of(new ExternalServiceException("Harbor", true, 503, "Harbor answered 503", null)).reason())
        .isEqualTo("ServerUnavailable");
    assertThat(StepFailure.of(new ExternalServiceException("Harbor", false, 403, "Harbor answered 403", null)).reason())
        .isEqualTo("Rejected");
    assertThat(StepFailure.of(new ProvisioningException("MySQL could not ...", new ConnectException("Connection refused"))).reason())
        .isEqualTo("ServerUnavailable");
    assertThat(StepFailure.of(new ProvisioningException("Redis key prefix \"a:\" overlaps ...")).reason())
        .isEqualTo("Rejected");
    StepFailure unknown = StepFailure.of(new NullPointerException("secret-ish detail"));
    assertThat(unknown.reason()).isEqualTo("InternalError");
    assertThat(unknown.message()).doesNotContain("secret-ish detail");
    assertThat(unknown.unexpected()).isTrue();
  }

  @Test
  void theLogOfABugSaysWhereItHappenedButNotItsMessage() {
    var bug = new IllegalStateException("outer secret-ish", new NullPointerException("inner secret-ish"));
    String trace = StepFailure.trace(bug);
    assertThat(trace).contains("java.lang.IllegalStateException", "caused by java.lang.NullPointerException",
        "at dev.wharf.operator.reconcile.ReconcileHelpersTest.theLogOfABugSaysWhereItHappenedButNotItsMessage");
    assertThat(trace).doesNotContain("secret-ish");
  }
}
