package dev.wharf.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CRD in the GitOps tree must be the one the Java types generate. */
class CrdUpToDateTest {
  static final String FILE = "apps.platform.wharf.dev-v1.yml";
  static final Path GENERATED = Path.of("target/crd", FILE);
  static final Path COMMITTED = Path.of("../gitops/services/wharf-operator/crd", FILE);

  @Test
  void committedCrdMatchesGeneratedOne() throws Exception {
    assertThat(GENERATED).as("CrdGeneration's output (built in process-test-classes)").exists();
    assertThat(COMMITTED).as("CRD in the GitOps tree").exists();
    String generated = Files.readString(GENERATED);
    String committed = Files.readString(COMMITTED);
    assertThat(committed)
        .as("%s is out of date; run `./mvnw -pl wharf-api -am -Pupdate-crd process-test-classes` to update it", COMMITTED)
        .isEqualTo(generated);
  }
}
