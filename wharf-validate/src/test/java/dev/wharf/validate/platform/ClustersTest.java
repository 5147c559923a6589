package dev.wharf.validate.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which clusters apply a render: the entry point, then every Flux Kustomization's path, transitively. */
class ClustersTest {
  private static Resource flux(String render, String path) {
    return Resource.of(Map.of("apiVersion", "kustomize.toolkit.fluxcd.io/v1", "kind", "Kustomization",
        "metadata", Map.of("name", "x", "namespace", "flux-system"), "spec", Map.of("path", path)), render, render);
  }

  private static Resource object(String file, String render) {
    return Resource.of(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "x")), file, render);
  }

  private static Platform platform(List<Finding> problems) {
    return Platform.read(Map.of("apiVersion", "validate.wharf.dev/v1alpha1", "kind", "Platform", "clusters", List.of(
        Map.of("name", "production", "path", "clusters/production", "registries", List.of("harbor.example.com")),
        Map.of("name", "staging", "path", "./clusters/staging/", "registries", List.of("harbor.staging.example.com")),
        Map.of("name", "edge", "path", "clusters/edge", "registries", List.of("harbor.edge.example.com")))), "platform.yaml", problems);
  }

  @Test
  void fluxPathsLeadFromEachClusterToTheRendersItApplies() {
    List<Finding> problems = new ArrayList<>();
    List<Resource> tree = List.of(
        flux("clusters/production/kustomization.yaml", "./gitops/apps/production"),
        flux("clusters/production/kustomization.yaml", "./gitops/services"),
        flux("clusters/staging/kustomization.yaml", "./gitops/apps/staging"),
        flux("clusters/staging/kustomization.yaml", "./gitops/services"),
        // a layer that names a further layer
        flux("apps/staging/kustomization.yaml", "./gitops/apps/staging-extra"),
        object("apps/base/deployment.yaml", "apps/production/kustomization.yaml"),
        object("apps/base/deployment.yaml", "apps/staging/kustomization.yaml"),
        object("apps/staging-extra/job.yaml", "apps/staging-extra/kustomization.yaml"),
        // a directory without a kustomization: Flux applies every manifest below it
        object("services/a.yaml", "services/a.yaml"),
        object("services/monitoring/b.yaml", "services/monitoring/b.yaml"),
        object("orphan/c.yaml", "orphan/c.yaml"));
    Clusters clusters = new Clusters(platform(problems), tree);

    assertThat(clusters.of("apps/production/kustomization.yaml")).containsExactly("production");
    assertThat(clusters.of("apps/staging/kustomization.yaml")).containsExactly("staging");
    assertThat(clusters.of("apps/staging-extra/kustomization.yaml")).containsExactly("staging");
    assertThat(clusters.of("services/monitoring/b.yaml")).containsExactly("production", "staging");
    assertThat(clusters.of("orphan/c.yaml")).isEmpty();
    // clusters/edge has nothing in the tree
    assertThat(clusters.problems()).singleElement().extracting(Finding::message).asString().contains("cluster edge");
    assertThat(problems).isEmpty();
  }

  @Test
  void aPlatformDocumentThatCannotBeUsedSaysWhy() {
    List<Finding> problems = new ArrayList<>();
    Platform p = Platform.read(Map.of("apiVersion", "validate.wharf.dev/v1alpha1", "kind", "Platform", "clusters", List.of(
        Map.of("name", "Prod", "path", "clusters/production", "registries", List.of("harbor.example.com")),
        Map.of("name", "staging", "path", "../elsewhere", "registries", List.of("harbor.staging.example.com")),
        Map.of("name", "edge", "path", "clusters/edge", "registries", List.of("https://harbor.edge.example.com")))), "gitops/platform.yaml", problems);
    assertThat(p.clusters()).isEmpty();
    assertThat(problems).extracting(Finding::message).satisfiesExactly(
        m -> assertThat(m).contains("'Prod' is not a DNS label"),
        m -> assertThat(m).contains("'../elsewhere' is not a directory inside the tree"),
        m -> assertThat(m).contains("registries must list"));
  }
}
