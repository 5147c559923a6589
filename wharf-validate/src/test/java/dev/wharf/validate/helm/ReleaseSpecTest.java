package dev.wharf.validate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.Resource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The release name, namespace and switches helm-controller derives from a HelmRelease. */
class ReleaseSpecTest {
  @SuppressWarnings("unchecked")
  private static ReleaseSpec spec(String yaml) {
    return ReleaseSpec.of(Resource.of((Map<String, Object>) new Yaml().load(yaml), "hr.yaml", "hr.yaml"));
  }

  @Test
  void namesAndNamespacesDefaultAsHelmControllerDoes() {
    ReleaseSpec plain = spec("apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: web, namespace: apps}\nspec: {}");
    assertThat(plain.releaseName()).isEqualTo("web");
    assertThat(plain.namespace()).isEqualTo("apps");
    ReleaseSpec target = spec("kind: HelmRelease\nmetadata: {name: web, namespace: flux-system}\nspec: {targetNamespace: team-a}");
    assertThat(target.releaseName()).isEqualTo("team-a-web");
    assertThat(target.namespace()).isEqualTo("team-a");
    ReleaseSpec named = spec("kind: HelmRelease\nmetadata: {name: web, namespace: flux-system}\nspec: {targetNamespace: team-a, releaseName: w}");
    assertThat(named.releaseName()).isEqualTo("w");
  }

  @Test
  void longNamesAreShortenedWithAHash() {
    String name = ReleaseSpec.shorten("a-very-long-target-namespace-name-with-a-long-release-name-too");
    assertThat(name).hasSize(53).startsWith("a-very-long-target-namespace-name-with-a-").matches(".*-[0-9a-f]{12}$");
    assertThat(ReleaseSpec.shorten("short")).isEqualTo("short");
  }

  @Test
  void crdsHooksTestsAndSchemaFollowTheSpec() {
    ReleaseSpec defaults = spec("kind: HelmRelease\nmetadata: {name: a, namespace: b}\nspec: {}");
    assertThat(defaults.includeCrds()).isTrue();
    assertThat(defaults.hooks()).isTrue();
    assertThat(defaults.tests()).isFalse();
    assertThat(defaults.schemaValidation()).isTrue();
    ReleaseSpec off = spec("""
        kind: HelmRelease
        metadata: {name: a, namespace: b}
        spec:
          install: {crds: Skip, disableHooks: true, disableSchemaValidation: true}
          upgrade: {disableHooks: true, disableSchemaValidation: true}
          test: {enable: true}
          postRenderStrategy: nohooks
        """);
    assertThat(off.includeCrds()).isFalse();
    assertThat(off.hooks()).isFalse();
    assertThat(off.tests()).isTrue();
    assertThat(off.schemaValidation()).isFalse();
    assertThat(off.hooksPostRendered()).isFalse();
  }
}
