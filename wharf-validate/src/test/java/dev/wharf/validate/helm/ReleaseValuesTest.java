package dev.wharf.validate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** valuesFrom, then spec.values, as helm-controller composes them; what only exists at run time is noted. */
class ReleaseValuesTest {
  @SuppressWarnings("unchecked")
  private static List<Resource> objects(String yaml) {
    List<Resource> out = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(yaml)) {
      out.add(Resource.of((Map<String, Object>) doc, "tree.yaml", "tree.yaml"));
    }
    return out;
  }

  private static final String RELEASE = """
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata: {name: grafana, namespace: monitoring}
      spec:
        valuesFrom:
          - {kind: Secret, name: grafana-values}
          - {kind: Secret, name: grafana-oidc, valuesKey: client-secret, targetPath: auth.clientSecret}
          - {kind: ConfigMap, name: grafana-extra, optional: true}
          - {kind: ConfigMap, name: grafana-broken}
        values:
          replicas: 2
          auth: {enabled: true}
      """;

  @Test
  void treeObjectsMergeInOrderRuntimeOnesAreNotedAndSpecValuesWin() {
    List<Resource> tree = objects(RELEASE + """
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: grafana-values, namespace: monitoring}
        data: {values.yaml: cmVwbGljYXM6IDEKcGVyc2lzdGVuY2U6IHtlbmFibGVkOiB0cnVlfQo=}
        ---
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata: {name: grafana-oidc, namespace: monitoring}
        spec: {target: {name: grafana-oidc}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: grafana-broken, namespace: monitoring}
        data: {other.yaml: "x: 1"}
        """);
    ReleaseValues v = ReleaseValues.of(tree.get(0), new TreeObjects(tree));
    // grafana-values decodes to "replicas: 1\\npersistence: {enabled: true}"; spec.values sets replicas.
    assertThat(v.merged()).isEqualTo(Map.of("replicas", 2, "persistence", Map.of("enabled", true), "auth", Map.of("enabled", true)));
    assertThat(v.notes()).hasSize(2);
    assertThat(v.notes().get(0)).contains("Secret monitoring/grafana-oidc key client-secret is made at run time by ExternalSecret monitoring/grafana-oidc")
        .endsWith("rendered with a placeholder at auth.clientSecret instead of the chart's default");
    assertThat(v.notes().get(1)).contains("ConfigMap monitoring/grafana-extra").contains("optional and not in the tree").endsWith("rendered without it");
    assertThat(v.findings()).extracting(Finding::path).containsExactly("spec.valuesFrom[3]");
    assertThat(v.sources()).extracting(ReleaseValues.Source::path).containsExactly("spec.values", "spec.valuesFrom[0]", "spec.valuesFrom[1].targetPath");
  }

  @Test
  void aRunTimeTargetPathRendersAPlaceholderInsteadOfTheChartDefaultButIsNotAValueFromGit() {
    List<Resource> tree = objects(RELEASE);
    ReleaseValues v = ReleaseValues.of(tree.get(0), new TreeObjects(tree)).fitTo(Map.of("auth", Map.of("clientSecret", "changeme")));
    assertThat(v.rendered()).containsEntry("auth", Map.of("enabled", true, "clientSecret", "placeholder-secret-grafana-oidc-client-secret"));
    assertThat(v.merged()).containsEntry("auth", Map.of("enabled", true));
  }

  @Test
  void aRunTimeTargetPathWhoseDefaultIsNotAStringKeepsTheDefault() {
    List<Resource> tree = objects("""
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: grafana, namespace: monitoring}
        spec:
          valuesFrom:
            - {kind: ConfigMap, name: cluster-settings, valuesKey: replicas, targetPath: replicas}
        """);
    ReleaseValues v = ReleaseValues.of(tree.get(0), new TreeObjects(tree)).fitTo(Map.of("replicas", 1));
    assertThat(v.rendered()).isEmpty();
    assertThat(v.notes()).singleElement().asString().contains("ConfigMap monitoring/cluster-settings key replicas")
        .endsWith("rendered with the chart's default at replicas (not a string, so no placeholder)");
  }
}
