package dev.wharf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.render.Kustomize;
import dev.wharf.validate.render.Render;
import dev.wharf.validate.render.Renderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The repository's own gitops/ tree: clean against the offline schemas, every cluster renders. */
class GitopsTreeTest {

  @Test
  void wholeTreeValidatesWithoutFindings() {
    Path gitops = TestSupport.gitops();
    assertThat(gitops).as("the gitops tree (system property wharf.gitops)").isDirectory();
    Report report = new Validator(TestSupport.options()).validate(gitops);
    String shown = report.findings().stream()
        .map(f -> f.file() + ": " + f.objectName() + " [" + f.rule() + "] " + f.message())
        .collect(Collectors.joining("\n  "));
    assertThat(report.findings()).as("findings in gitops/:%n  %s", shown).isEmpty();
    assertThat(report.resources()).isPositive();
  }

  @Test
  void everyClusterEntryPointRenders() throws IOException {
    Path clusters = TestSupport.gitops().resolve("clusters");
    assertThat(clusters).as("gitops/clusters holds one directory per environment").isDirectory();
    List<Path> envs;
    try (Stream<Path> s = Files.list(clusters)) {
      envs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(envs).extracting(p -> p.getFileName().toString()).contains("production", "staging");
    Renderer renderer = new Renderer(Kustomize.locate(null), Duration.ofSeconds(60), 4);
    for (Render r : renderer.renderAll(TestSupport.gitops(), envs)) {
      assertThat(r.failure()).as("render of %s", r.entryPoint()).isNull();
      assertThat(r.resources()).as("objects rendered from %s", r.entryPoint()).isNotEmpty();
    }
  }
}
