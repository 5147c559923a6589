package dev.wharf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.helm.ChartOptions;
import dev.wharf.validate.policy.Policies;
import dev.wharf.validate.policy.PolicySettings;
import dev.wharf.validate.schema.BuiltinSchemaSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HelmReleases rendered with the real helm (and kubectl's kustomize for post-renderers) from a
 * small chart written here: what helm-controller would install is what gets checked.
 */
class ChartRenderingTest {
  @TempDir Path tmp;
  private Path charts;
  private Path tree;

  private static final Map<String, String> WIDGETS = Map.of(
      "Chart.yaml", "apiVersion: v2\nname: widgets\nversion: 1.2.0\n",
      "values.yaml", "greeting: hello\nwidget:\n  size: 1\nannotations: {}\nauth:\n  enabled: false\n  adminPassword: widgets-default\n",
      "crds/widgets.yaml", """
          apiVersion: apiextensions.k8s.io/v1
          kind: CustomResourceDefinition
          metadata: {name: widgets.example.wharf.dev}
          spec:
            group: example.wharf.dev
            scope: Namespaced
            names: {kind: Widget, plural: widgets}
            versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          size: {type: integer}
          """,
      "templates/config.yaml", """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: {{ .Release.Name }}-config
            annotations: {{ toYaml .Values.annotations | nindent 4 }}
          data:
            greeting: {{ .Values.greeting | quote }}
            namespace: {{ .Release.Namespace }}
          """,
      "templates/widget.yaml", """
          {{- if .Capabilities.APIVersions.Has "example.wharf.dev/v1/Widget" }}
          apiVersion: example.wharf.dev/v1
          kind: Widget
          metadata: {name: {{ .Release.Name }}}
          spec:
            size: {{ .Values.widget.size }}
          {{- end }}
          """,
      "templates/gizmo.yaml", """
          {{- if .Capabilities.APIVersions.Has "example.wharf.dev/v1alpha1" }}
          apiVersion: example.wharf.dev/v1alpha1
          kind: Gizmo
          metadata: {name: {{ .Release.Name }}}
          spec: {colour: blue}
          {{- end }}
          """,
      "templates/secret.yaml", """
          {{- if .Values.auth.enabled }}
          apiVersion: v1
          kind: Secret
          metadata: {name: {{ .Release.Name }}-auth}
          data:
            admin-password: {{ .Values.auth.adminPassword | b64enc }}
            session-key: {{ randAlphaNum 32 | b64enc }}
          {{- end }}
          """,
      "templates/tests/test.yaml", """
          apiVersion: v1
          kind: Pod
          metadata:
            name: {{ .Release.Name }}-test
            annotations: {helm.sh/hook: test}
          spec:
            restartPolicy: Never
            containers: [{name: test, image: busybox}]
          """);

  /** A chart whose CRD is a template, so only rendering it tells what it installs. */
  private static final Map<String, String> GIZMO_CRDS = Map.of(
      "Chart.yaml", "apiVersion: v2\nname: gizmo-crds\nversion: 0.1.0\n",
      "templates/crd.yaml", """
          {{- if true }}
          apiVersion: apiextensions.k8s.io/v1
          kind: CustomResourceDefinition
          metadata: {name: gizmos.example.wharf.dev}
          spec:
            group: example.wharf.dev
            scope: Namespaced
            names: {kind: Gizmo, plural: gizmos}
            versions:
              - name: v1alpha1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec: {type: object, properties: {colour: {type: string, enum: [red]}}}
          {{- end }}
          """);

  @BeforeEach
  void setUp() throws IOException {
    TestSupport.helm();
    charts = Files.createDirectories(tmp.resolve("charts"));
    tree = Files.createDirectories(tmp.resolve("tree"));
    writeChart(charts.resolve("widgets-1.2.0.tgz"), "widgets", WIDGETS);
    writeChart(charts.resolve("gizmo-crds-0.1.0.tgz"), "gizmo-crds", GIZMO_CRDS);
    Files.writeString(tree.resolve("repo.yaml"), """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata: {name: example, namespace: flux-system}
        spec: {url: https://charts.example.com}
        """);
  }

  private static void writeChart(Path tgz, String name, Map<String, String> files) throws IOException {
    try (OutputStream out = Files.newOutputStream(tgz); TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name + "/" + f.getKey());
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
  }

  private void release(String file, String spec) throws IOException {
    release(file, spec, "Create");
  }

  private void release(String file, String spec, String crds) throws IOException {
    Files.writeString(tree.resolve(file), """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: widgets, namespace: flux-system}
        spec:
          interval: 1h
          chart:
            spec:
              chart: widgets
              version: ~1.2
              sourceRef: {kind: HelmRepository, name: example}
          install: {crds: %s, remediation: {retries: 3}}
          upgrade: {cleanupOnFail: true, remediation: {retries: 3, strategy: rollback}}
        """.formatted(crds) + spec.indent(2));
  }

  private Report validate() {
    ValidateOptions o = new ValidateOptions(List.of(TestSupport.schemas(), new BuiltinSchemaSource()), Policies.all(), PolicySettings.defaults(),
        Set.of(), false, null, new ChartOptions(charts, null, null), 2, Duration.ofSeconds(60), ValidateOptions.DEFAULT_MAX_FILE_BYTES);
    return new Validator(o).validate(tree);
  }

  private static String shown(Report r) {
    return r.findings().stream().map(f -> f.rule() + " " + f.objectName() + " " + f.path() + ": " + f.message()).collect(Collectors.joining("\n"));
  }

  @Test
  void chartObjectsAreRenderedInTheTargetNamespaceAndCrdsMakeTheirApisAndSchemasKnown() throws IOException {
    release("release.yaml", "targetNamespace: apps\nvalues:\n  widget: {size: big}");
    Report r = validate();
    // The Widget template only renders once helm is told the chart's own CRD is installed; its
    // schema then comes from that CRD, which rejects the string.
    assertThat(r.findings()).as(shown(r)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo(Rules.SCHEMA_TYPE);
      assertThat(f.objectName()).isEqualTo("Widget/apps/apps-widgets");
      assertThat(f.file()).isEqualTo("release.yaml");
      assertThat(f.line()).isEqualTo(1);
      assertThat(f.message()).contains("rendered by HelmRelease/flux-system/widgets from chart widgets 1.2.0, widgets/templates/widget.yaml");
    });
    assertThat(r.chartResources()).as("the CRD, the ConfigMap and the Widget; no test hook").isEqualTo(3);
    assertThat(r.summaryLine()).contains("(3 from charts)");
  }

  @Test
  void aChartSeesApisThatAnotherChartsTemplatesInstall() throws IOException {
    release("release.yaml", "targetNamespace: apps");
    Files.writeString(tree.resolve("gizmos.yaml"), Files.readString(tree.resolve("release.yaml")).replace("name: widgets, namespace", "name: gizmos, namespace")
        .replace("chart: widgets", "chart: gizmo-crds").replace("~1.2", "0.1.0"));
    Report r = validate();
    // The Gizmo renders only in a second pass, once the other release has shown its CRD; that
    // CRD's schema then rejects the colour.
    assertThat(r.findings()).as(shown(r)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo(Rules.SCHEMA_VALUE);
      assertThat(f.objectName()).isEqualTo("Gizmo/apps/apps-widgets");
    });
    assertThat(r.chartResources()).as("two CRDs, the ConfigMap, the Widget and the Gizmo").isEqualTo(5);
  }

  @Test
  void skippedCrdsAreNotInstalledSoTheirApiIsMissing() throws IOException {
    release("release.yaml", "", "Skip");
    Report r = validate();
    assertThat(r.findings()).as(shown(r)).isEmpty();
    assertThat(r.chartResources()).as("the ConfigMap only").isEqualTo(1);
  }

  @Test
  void testsRenderOnlyWhenTheReleaseRunsThem() throws IOException {
    release("release.yaml", "");
    Report skipped = validate();
    assertThat(skipped.findings()).as(shown(skipped)).isEmpty();
    assertThat(skipped.notes()).singleElement().asString().startsWith("HelmRelease/flux-system/widgets: 1 helm test hook not checked (Pod widgets-test)")
        .contains("spec.test.enable");

    release("release.yaml", "test: {enable: true}");
    Report r = validate();
    assertThat(r.findings()).as("the test pod is checked too").extracting(Finding::objectName).contains("Pod/flux-system/widgets-test");
    assertThat(r.findings()).extracting(Finding::rule).contains("image-pinned", "resources");
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void postRenderersAndCommonMetadataApplyWithKustomize() throws IOException {
    release("release.yaml", """
        commonMetadata:
          annotations: {validate.wharf.dev/exempt-no-secret-data: "not a Secret, checks that commonMetadata is applied"}
        postRenderers:
          - kustomize:
              patches:
                - target: {kind: ConfigMap}
                  patch: |
                    - op: add
                      path: /data/extra
                      value: from-post-render
                    - op: add
                      path: /metadata/labels
                      value: {app: widgets}
                    - op: add
                      path: /metadata/annotations/validate.wharf.dev~1exempt-bogus
                      value: "patched in"
        """);
    Report r = validate();
    // The patched-in annotation is on the rendered ConfigMap: its unknown policy id is reported there.
    assertThat(r.findings()).as(shown(r)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo(Rules.EXEMPTION);
      assertThat(f.objectName()).isEqualTo("ConfigMap/flux-system/widgets-config");
    });
  }

  @Test
  void valuesComeFromTheTreeThenSpecValuesAndRunTimeOnesAreNoted() throws IOException {
    Files.writeString(tree.resolve("values.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: widget-values, namespace: flux-system}
        data:
          values.yaml: |
            widget: {size: 3}
            greetng: typo
          size: "big"
        """);
    release("release.yaml", """
        valuesFrom:
          - {kind: ConfigMap, name: widget-values}
          - {kind: ConfigMap, name: widget-values, valuesKey: size, targetPath: widget.size}
          - {kind: Secret, name: widget-secrets, optional: true}
        values:
          widget: {size: 5}
        """);
    Report r = validate();
    assertThat(r.findings()).as(shown(r)).extracting(Finding::rule, Finding::path)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("helm-values-unknown", "spec.valuesFrom[0]"));
    assertThat(r.notes()).filteredOn(n -> n.contains("valuesFrom")).singleElement().asString()
        .contains("Secret flux-system/widget-secrets").contains("rendered without it");
  }

  @Test
  void aChartSecretIsFlaggedForWhatComesFromGitOrTheChartsDefaultsNotForWhatItGenerates() throws IOException {
    release("release.yaml", "values:\n  auth: {enabled: true}");
    Report defaults = validate();
    assertThat(defaults.findings()).as(shown(defaults)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("no-secret-data");
      assertThat(f.path()).isEqualTo("data[\"admin-password\"]");
      assertThat(f.message()).contains("the chart's default auth.adminPassword").doesNotContain("widgets-default");
    });
    release("release.yaml", "values:\n  auth: {enabled: true, adminPassword: s3cret-from-git}");
    Report fromGit = validate();
    assertThat(fromGit.findings()).as(shown(fromGit)).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("data[\"admin-password\"]");
      assertThat(f.message()).contains("values.auth.adminPassword of the HelmRelease").doesNotContain("s3cret");
    });
  }

  @Test
  void aRunTimeSecretAtATargetPathStandsInForTheChartDefaultAndItsPathIsChecked() throws IOException {
    release("release.yaml", """
        valuesFrom:
          - {kind: Secret, name: widget-auth, valuesKey: password, targetPath: auth.adminPassword}
        values:
          auth: {enabled: true}
        """);
    Report r = validate();
    // The cluster never sees the chart's default password: the Secret renders with a placeholder.
    assertThat(r.findings()).as(shown(r)).isEmpty();
    assertThat(r.notes()).filteredOn(n -> n.contains("valuesFrom")).singleElement().asString()
        .contains("Secret flux-system/widget-auth key password").contains("placeholder at auth.adminPassword");

    release("release.yaml", """
        valuesFrom:
          - {kind: Secret, name: widget-auth, valuesKey: password, targetPath: auth.adminPasword}
        values:
          auth: {enabled: true}
        """);
    Report typo = validate();
    // A misspelt targetPath would leave the default in place: both are reported.
    assertThat(typo.findings()).as(shown(typo)).extracting(Finding::rule, Finding::path).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("helm-values-unknown", "spec.valuesFrom[0].targetPath"),
        org.assertj.core.groups.Tuple.tuple("no-secret-data", "data[\"admin-password\"]"));
  }

  @Test
  void aMissingChartIsAFindingAndTheOtherReleasesStillRender() throws IOException {
    release("release.yaml", "targetNamespace: apps");
    Files.writeString(tree.resolve("other.yaml"), Files.readString(tree.resolve("release.yaml")).replace("name: widgets, namespace", "name: other, namespace")
        .replace("~1.2", "2.0.0"));
    Report r = validate();
    assertThat(r.findings()).as(shown(r)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo(Rules.HELM_CHART_MISSING);
      assertThat(f.objectName()).isEqualTo("HelmRelease/flux-system/other");
      assertThat(f.message()).contains("widgets-1.2.0.tgz");
    });
    assertThat(r.chartResources()).isEqualTo(3);
  }
}
