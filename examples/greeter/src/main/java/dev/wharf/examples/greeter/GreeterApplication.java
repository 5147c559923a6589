package dev.wharf.examples.greeter;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The greeter: a small REST service that uses every integration Wharf gives an app. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GreeterApplication {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(GreeterApplication.class);
    app.setDefaultProperties(defaultProperties(System.getenv()));
    app.run(args);
  }

  /**
   * Maps the standard OpenTelemetry variable onto Spring's trace exporter. Spring only creates
   * the exporter when its endpoint property is present, so nothing is set when the variable is
   * absent and no traces are sent anywhere.
   */
  static Map<String, Object> defaultProperties(Map<String, String> env) {
    Map<String, Object> defaults = new HashMap<>();
    String otlp = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
    if (otlp != null && !otlp.isBlank()) {
      String base = otlp.endsWith("/") ? otlp.substring(0, otlp.length() - 1) : otlp;
      defaults.put("management.opentelemetry.tracing.export.otlp.endpoint", base + "/v1/traces");
    }
    return defaults;
  }
}
