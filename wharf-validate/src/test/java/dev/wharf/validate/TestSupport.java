package dev.wharf.validate;

import static org.assertj.core.api.Assertions.fail;

import dev.wharf.validate.policy.Policies;
import dev.wharf.validate.policy.PolicySettings;
import dev.wharf.validate.schema.BuiltinSchemaSource;
import dev.wharf.validate.schema.DirSchemaSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The shared schema directory and default options for tests. */
final class TestSupport {
  private TestSupport() {}

  private static DirSchemaSource schemas;

  /** The offline schemas (system property wharf.schemas, set by the pom); fails, never skips. */
  static synchronized DirSchemaSource schemas() {
    if (schemas == null) {
      String prop = System.getProperty("wharf.schemas");
      if (prop == null || !Files.isDirectory(Path.of(prop))) {
        fail("The schema directory is missing: system property wharf.schemas=" + prop
            + ". Tests need the offline Kubernetes and CRD schemas at ../shared/schemas relative to the repository root "
            + "(run through Maven, which sets the property, or pass -Dwharf.schemas=/path/to/schemas).");
      }
      schemas = new DirSchemaSource(Path.of(prop));
    }
    return schemas;
  }

  static ValidateOptions options(long maxFileBytes) {
    return new ValidateOptions(List.of(schemas(), new BuiltinSchemaSource()), Policies.all(), PolicySettings.defaults(),
        Set.of(), false, null, 4, Duration.ofSeconds(60), maxFileBytes);
  }

  static ValidateOptions options() {
    return options(ValidateOptions.DEFAULT_MAX_FILE_BYTES);
  }

  static Path gitops() {
    String prop = System.getProperty("wharf.gitops", "../gitops");
    return Path.of(prop).toAbsolutePath().normalize();
  }
}
