package dev.wharf.validate.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.validate.Rules;
import dev.wharf.validate.ValidateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering failures become findings; stand-in kustomize scripts play the misbehaving binary. */
class RendererTest {
  @TempDir Path dir;
  private Path tree;

  @BeforeEach
  void tree() throws IOException {
    tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve("app"));
    Files.writeString(tree.resolve("app/kustomization.yaml"), "resources: [cm.yaml]\n");
    Files.writeString(tree.resolve("app/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
  }

  private Kustomize fake(String body) throws IOException {
    Path script = dir.resolve("kustomize");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Kustomize.locate(script.toString());
  }

  @Test
  void aRenderThatHangsIsStoppedAndReported() throws IOException {
    Render r = new Renderer(fake("exec sleep 30"), Duration.ofSeconds(1), 1).render(tree, tree.resolve("app"));
    assertThat(r.ok()).isFalse();
    assertThat(r.failure().rule()).isEqualTo(Rules.RENDER);
    assertThat(r.failure().message()).contains("did not finish within 1 s");
    assertThat(r.failure().file()).isEqualTo("app/kustomization.yaml");
  }

  @Test
  void aFailedBuildReportsKustomizeErrorWithTreePaths() throws IOException {
    Render r = new Renderer(fake("echo \"Error: accumulating resources: $PWD/x: no such file\" >&2; exit 1"), Duration.ofSeconds(30), 1)
        .render(tree, tree.resolve("app"));
    assertThat(r.failure().message()).startsWith("kustomize build failed: accumulating resources");
    assertThat(r.failure().fix()).contains("app");
  }

  @Test
  void outputThatIsNotYamlIsAFinding() throws IOException {
    Render r = new Renderer(fake("echo 'a: [unclosed'"), Duration.ofSeconds(30), 1).render(tree, tree.resolve("app"));
    assertThat(r.failure().message()).startsWith("kustomize output did not load");
  }

  @Test
  void realKustomizeNamesTheSourceFileOfEachObject() {
    List<Render> renders = new Renderer(Kustomize.locate(null), Duration.ofSeconds(60), 2).renderAll(tree, List.of(tree.resolve("app")));
    assertThat(renders).hasSize(1);
    assertThat(renders.get(0).failure()).isNull();
    assertThat(renders.get(0).resources()).singleElement().satisfies(res -> {
      assertThat(res.file()).isEqualTo("app/cm.yaml");
      assertThat(res.render()).isEqualTo("app/kustomization.yaml");
      assertThat(res.metadata()).doesNotContainKey("annotations");
    });
  }

  @Test
  void aMissingBinaryIsAnEnvironmentError() {
    assertThatThrownBy(() -> Kustomize.locate(dir.resolve("nope").toString()))
        .isInstanceOf(ValidateException.class).hasMessageContaining("--kustomize");
  }

  @Test
  void kubectlsMultiLineErrorLosesItsWrapping() {
    String err = """
        E1126 01:36:57.476172    4110 run.go:72] "command failed" err=<
        \taccumulating resources: accumulation err='accumulating resources from 'app': 'app' must resolve to a file': \
        recursed accumulation of path 'app': fetching https://example.com/base: no such host
        \t: exit status 128
         >
        """;
    String clean = Renderer.cleanError(err, "app", "app", tree, dir.resolve("wrapper"));
    assertThat(clean).isEqualTo("fetching https://example.com/base: no such host: exit status 128");
  }
}
