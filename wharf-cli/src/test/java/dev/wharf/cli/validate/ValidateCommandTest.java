package dev.wharf.cli.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.cli.WharfCli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

/** wharf validate end to end, in-process: exit codes, formats, the summary line. */
class ValidateCommandTest {
  private static final String SUMMARY = "^validate: \\d+ resources \\(\\d+ from charts\\) in \\d+ files, \\d+ errors, \\d+ ms$";
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: team-a}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: web
                image: harbor.wharf.example.com/team-a/web:%s
                readinessProbe: {httpGet: {path: /ready, port: 8080}}
                livenessProbe: {httpGet: {path: /live, port: 8080}}
                resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
      """;

  @TempDir Path tree;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeTree() throws IOException {
    Files.writeString(tree.resolve("kustomization.yaml"), "resources: [deployment.yaml]\n");
    Files.writeString(tree.resolve("deployment.yaml"), DEPLOYMENT.formatted("1.0.0"));
  }

  private int run(String... args) {
    CommandLine cli = WharfCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("validate"));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  private static String schemas() {
    Path p = Path.of(System.getProperty("wharf.schemas", "../../shared/schemas"));
    if (!Files.isDirectory(p)) {
      fail("The offline schemas are missing at " + p.toAbsolutePath()
          + "; they belong at ../shared/schemas relative to the repository root (or pass -Dwharf.schemas=DIR).");
    }
    return p.toString();
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void aCleanTreeExitsZeroWithTheSummaryLast() {
    int code = run(tree.toString(), "--schema-dir", schemas());
    assertThat(code).as(out + "" + err).isZero();
    assertThat(lastLine(out.toString())).matches(SUMMARY).contains("1 resources (0 from charts) in 2 files, 0 errors");
  }

  @Test
  void findingsExitOneAndNameFileObjectAndPath() throws IOException {
    Files.writeString(tree.resolve("deployment.yaml"), DEPLOYMENT.formatted("latest").replace("replicas", "x")
        .replace("selector:", "replica: 2\n  selector:"));
    int code = run(tree.toString(), "--schema-dir", schemas());
    assertThat(code).isEqualTo(1);
    String text = out.toString();
    assertThat(text).contains("deployment.yaml:12: Deployment/team-a/web: [image-pinned]")
        .contains("deployment.yaml:5: Deployment/team-a/web: [schema-unknown-field] spec.replica is not a field")
        .contains("fix: ");
    assertThat(lastLine(text)).matches(SUMMARY).contains("2 errors");
  }

  @Test
  void policiesNoneChecksSchemasOnly() throws IOException {
    Files.writeString(tree.resolve("deployment.yaml"), DEPLOYMENT.formatted("latest"));
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--policies", "none")).isZero();
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--policies", "probes,resources")).isZero();
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--policies", "image-pinned")).isEqualTo(1);
  }

  @Test
  void sarifIsPureJsonWithTheSummaryOnStderr() throws IOException {
    Files.writeString(tree.resolve("deployment.yaml"), DEPLOYMENT.formatted("latest"));
    int code = run(tree.toString(), "--schema-dir", schemas(), "--format", "sarif");
    assertThat(code).isEqualTo(1);
    JsonNode sarif = new ObjectMapper().readTree(out.toString());
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    JsonNode result = sarif.path("runs").get(0).path("results").get(0);
    assertThat(result.path("ruleId").asText()).isEqualTo("image-pinned");
    assertThat(result.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
        .isEqualTo("deployment.yaml");
    assertThat(result.path("properties").path("path").asText()).isEqualTo("spec.template.spec.containers[0].image");
    assertThat(lastLine(err.toString())).matches(SUMMARY);
  }

  @Test
  void junitIsWellFormedXmlWithOneFailurePerFinding() throws Exception {
    Files.writeString(tree.resolve("deployment.yaml"), DEPLOYMENT.formatted("latest"));
    Path report = tree.resolve("report.xml");
    int code = run(tree.toString(), "--schema-dir", schemas(), "--format", "junit", "--output", report.toString());
    assertThat(code).isEqualTo(1);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(Files.readString(report).getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(lastLine(out.toString())).matches(SUMMARY);
  }

  @Test
  void kindsWithoutSchemaFailUnlessAllowed() throws IOException {
    Files.writeString(tree.resolve("widget.yaml"), "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
    assertThat(run(tree.toString(), "--schema-dir", schemas())).isEqualTo(1);
    assertThat(out.toString()).contains("widget.yaml:1: Widget/w: [schema-missing] no schema for apiVersion example.com/v1 kind Widget");
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--allow-kind", "Widget")).isZero();
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--allow-kind", "example.com/Widget")).isZero();
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--allow-kind", "other.com/Widget")).isEqualTo(1);
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--ignore-missing-schemas")).isZero();
  }

  @Test
  void usageAndEnvironmentErrorsExitTwo() {
    assertThat(run(tree.resolve("nope").toString(), "--schema-dir", schemas())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a directory");
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--policies", "bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown policy 'bogus'");
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--format", "xml")).isEqualTo(2);
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--kustomize", "/nonexistent/kustomize")).isEqualTo(2);
    assertThat(err.toString()).contains("--kustomize");
    assertThat(run(tree.toString(), "--schema-dir", tree.resolve("missing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--schema-dir");
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--policies", "")).isEqualTo(2);
    assertThat(err.toString()).contains("names no policy");
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--pod-security-default", "strict")).isEqualTo(2);
    assertThat(err.toString()).contains("--pod-security-default 'strict'");
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--chart-dir", tree.resolve("nocharts").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--chart-dir");
    assertThat(run(tree.toString(), "--kubernetes-schema-url", "nonsense{file}")).isEqualTo(2);
    assertThat(err.toString()).contains("--kubernetes-schema-url 'nonsense{file}'").doesNotContain("unexpected error");
  }

  @Test
  void aTreeWithHelmReleasesNeedsHelmAndSaysHowToGetIt() throws IOException {
    Files.writeString(tree.resolve("release.yaml"), """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: web, namespace: flux-system}
        spec:
          chart: {spec: {chart: web, version: 1.0.0, sourceRef: {kind: HelmRepository, name: charts}}}
        """);
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--helm", tree.resolve("no-helm").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--helm").contains("is not an executable file").doesNotContain("unexpected error");
  }

  @Test
  void podSecurityFollowsTheClusterDefaultLevel() throws IOException {
    // No Namespace in the tree: the default applies. The Deployment sets no securityContext, which
    // baseline allows and restricted does not.
    assertThat(run(tree.toString(), "--schema-dir", schemas())).isZero();
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--pod-security-default", "restricted")).isEqualTo(1);
    assertThat(out.toString()).contains("[pod-security] [restricted: Running as Non-root]");
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--pod-security-default", "restricted",
        "--pod-security-exempt-namespace", "team-a")).isZero();
  }

  @Test
  void plainManifestsNeedNoKustomize() throws IOException {
    Files.delete(tree.resolve("kustomization.yaml"));
    assertThat(run(tree.toString(), "--schema-dir", schemas(), "--kustomize", "/nonexistent/kustomize")).isZero();
    assertThat(lastLine(out.toString())).matches(SUMMARY).contains("1 resources (0 from charts) in 1 files, 0 errors");
  }
}
