package dev.wharf.validate.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeScannerTest {
  @TempDir Path root;

  @Test
  void entryPointsAreKustomizationsNobodyIncludes() throws IOException {
    write("base/kustomization.yaml", "resources: [cm.yaml]\n");
    write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    write("overlays/prod/kustomization.yaml", "resources: [../../base]\npatches:\n- path: patch.yaml\ncomponents: [../../comp]\n");
    write("overlays/prod/patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: y}\n");
    write("comp/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
    write("unused-comp/kustomization.yaml", "kind: Component\n");
    write("loose/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n");
    write("gen/kustomization.yaml", "configMapGenerator:\n- name: c\n  files: [app.yaml=config/app.yaml]\n");
    write("gen/config/app.yaml", "not: a resource\n");

    Tree tree = new TreeScanner(1 << 20).scan(root);

    assertThat(tree.entryPoints()).extracting(tree::relative).containsExactlyInAnyOrder("gen", "overlays/prod");
    assertThat(tree.plainFiles()).extracting(tree::relative).containsExactly("loose/ns.yaml");
    assertThat(tree.reach().get(root.resolve("overlays/prod"))).extracting(tree::relative)
        .contains("base/cm.yaml", "overlays/prod/patch.yaml", "comp/kustomization.yaml");
  }

  @Test
  void kustomizationsInACycleAreStillRendered() throws IOException {
    write("a/kustomization.yaml", "resources: [../b, cm.yaml]\n");
    write("a/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    write("b/kustomization.yaml", "resources: [../a]\n");
    write("self/kustomization.yaml", "resources: [., cm.yaml]\n");
    write("self/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\n");

    Tree tree = new TreeScanner(1 << 20).scan(root);

    assertThat(tree.entryPoints()).extracting(tree::relative).containsExactly("a", "self");
    assertThat(tree.plainFiles()).isEmpty();
  }

  @Test
  void aFileOverTheSizeCapIsAFindingAndIsNotRead() throws IOException {
    write("big.yaml", "a: \"" + "x".repeat(5 * 1024 * 1024) + "\"\n");
    Tree tree = new TreeScanner(4L * 1024 * 1024).scan(root);
    YamlFile f = tree.files().get(root.resolve("big.yaml"));
    assertThat(f.loaded()).isFalse();
    assertThat(f.problem().rule()).isEqualTo(Rules.YAML_TOO_LARGE);
    assertThat(f.problem().message()).contains("over the limit");
  }

  @Test
  void aFileThatIsNotUtf8IsAFindingThatSaysSo() throws IOException {
    Files.write(root.resolve("latin1.yaml"), "data: {name: \"Jos\u00e9\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    YamlFile f = new TreeScanner(1 << 20).scan(root).files().get(root.resolve("latin1.yaml"));
    assertThat(f.loaded()).isFalse();
    assertThat(f.problem().rule()).isEqualTo(Rules.YAML_SYNTAX);
    assertThat(f.problem().message()).contains("not UTF-8");
  }

  @Test
  void hiddenDirectoriesAreSkipped() throws IOException {
    write(".git/config.yaml", "x: [\n");
    write("a.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n");
    Tree tree = new TreeScanner(1 << 20).scan(root);
    assertThat(tree.files()).hasSize(1);
  }

  @Test
  void findingsPointAtTheLineOfTheirPath() throws IOException {
    write("deploy.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n---\napiVersion: apps/v1\nkind: Deployment\n"
        + "metadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n        - name: b\n          image: x\n");
    LineLocator lines = new LineLocator(root, 1 << 20);
    dev.wharf.validate.ObjectRef web = new dev.wharf.validate.ObjectRef("apps/v1", "Deployment", "team-a", "prod-web");
    java.util.function.Function<String, Integer> at = path ->
        lines.locate(new dev.wharf.validate.Finding("x", "deploy.yaml", web, path, "m", "f")).line();
    assertThat(at.apply("spec.template.spec.containers[1].image")).isEqualTo(15);
    assertThat(at.apply("spec.template.spec.containers[1].resources.limits")).isEqualTo(14);
    assertThat(at.apply("spec.replicas")).isEqualTo(9);
    assertThat(LineLocator.segments("metadata.annotations[\"a.b/c\"].x[2]")).containsExactly("metadata", "annotations", "a.b/c", "x", 2);
  }

  private void write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
