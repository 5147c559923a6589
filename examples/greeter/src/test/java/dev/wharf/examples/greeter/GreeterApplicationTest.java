package dev.wharf.examples.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GreeterApplicationTest {
  private static final String OTLP = "management.opentelemetry.tracing.export.otlp.endpoint";

  @Test
  void theStandardOtlpVariablePointsSpringAtTheTracesPath() {
    assertThat(GreeterApplication.defaultProperties(
            Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://tempo.monitoring:4318/")))
        .containsEntry(OTLP, "http://tempo.monitoring:4318/v1/traces");
  }

  @Test
  void withoutTheVariableNoExporterIsConfigured() {
    assertThat(GreeterApplication.defaultProperties(Map.of())).doesNotContainKey(OTLP);
    assertThat(GreeterApplication.defaultProperties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " ")))
        .doesNotContainKey(OTLP);
  }
}
