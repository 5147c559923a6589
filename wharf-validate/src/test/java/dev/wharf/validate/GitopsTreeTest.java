package dev.wharf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.render.Kustomize;
import dev.wharf.validate.render.Render;
import dev.wharf.validate.render.Renderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's own gitops/ tree: clean against the offline schemas with every HelmRelease
 * rendered from the offline charts, and every cluster renders.
 */
class GitopsTreeTest {

  @Test
  void wholeTreeValidatesWithoutFindings() {
    TestSupport.helm();
    Path gitops = TestSupport.gitops();
    assertThat(gitops).as("the gitops tree (system property wharf.gitops)").isDirectory();
    Report report = new Validator(TestSupport.options()).validate(gitops);
    String shown = report.findings().stream()
        .map(f -> f.file() + ": " + f.objectName() + " [" + f.rule() + "] " + f.message())
        .collect(Collectors.joining("\n  "));
    Map<String, Long> byRule = report.findings().stream().collect(Collectors.groupingBy(Finding::rule, TreeMap::new, Collectors.counting()));
    assertThat(report.findings()).as("findings in gitops/ (%s):%n  %s", byRule, shown).isEmpty();
    assertThat(report.resources()).isPositive();
    assertThat(report.chartResources()).as("objects rendered from the tree's HelmReleases").isPositive();
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

  @Test
  @SuppressWarnings("unchecked")
  void everyExemptionAChartObjectGetsNamesOneObject() throws IOException {
    // An exemption is for one object: a post-renderer patch that adds one targets a kind and a
    // literal name, and commonMetadata (every object of the release) carries none.
    List<String> wrong = new java.util.ArrayList<>();
    int exemptions = 0;
    try (Stream<Path> files = Files.walk(TestSupport.gitops())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        for (Object doc : new Yaml().loadAll(Files.readString(f))) {
          if (!(doc instanceof Map<?, ?> m) || !"HelmRelease".equals(m.get("kind"))) {
            continue;
          }
          Map<String, Object> spec = (Map<String, Object>) m.get("spec");
          Object common = spec.get("commonMetadata");
          if (common != null && common.toString().contains("validate.wharf.dev/exempt-")) {
            wrong.add(f + ": commonMetadata exempts every object of the release");
          }
          for (Object pr : (List<Object>) spec.getOrDefault("postRenderers", List.of())) {
            Map<String, Object> kustomize = (Map<String, Object>) ((Map<String, Object>) pr).getOrDefault("kustomize", Map.of());
            for (Object p : (List<Object>) kustomize.getOrDefault("patches", List.of())) {
              Map<String, Object> patch = (Map<String, Object>) p;
              if (!String.valueOf(patch.get("patch")).contains("validate.wharf.dev/exempt-")) {
                continue;
              }
              exemptions++;
              Map<String, Object> target = (Map<String, Object>) patch.getOrDefault("target", Map.of());
              if (target.get("kind") == null || !String.valueOf(target.get("name")).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
                wrong.add(f + ": " + target + " is not one object");
              }
            }
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(exemptions).as("exemptions added by post-renderers").isPositive();
  }

  /** Scopes every new Keycloak realm has (the realm import declares no clientScopes of its own). */
  private static final Set<String> KEYCLOAK_BUILT_IN_SCOPES = Set.of("openid", "profile", "email", "roles", "web-origins",
      "acr", "basic", "address", "phone", "offline_access", "microprofile-jwt", "organization");

  @Test
  @SuppressWarnings("unchecked")
  void openBaoAsksKeycloakOnlyForScopesTheRealmHas() throws IOException {
    // Keycloak answers invalid_scope to a scope the client does not have, so OIDC login would fail.
    Path gitops = TestSupport.gitops();
    Map<String, Object> realmImport = new Yaml().load(Files.readString(gitops.resolve("services/keycloak/config/realm-wharf.yaml")));
    Map<String, Object> realm = (Map<String, Object>) ((Map<String, Object>) realmImport.get("spec")).get("realm");
    Set<String> known = new HashSet<>(KEYCLOAK_BUILT_IN_SCOPES);
    for (Object scope : (List<Object>) realm.getOrDefault("clientScopes", List.of())) {
      known.add(String.valueOf(((Map<String, Object>) scope).get("name")));
    }
    String script = Files.readString(gitops.resolve("services/openbao/bootstrap/bootstrap.sh"));
    Matcher m = Pattern.compile("oidc_scopes=\"([^\"]*)\"").matcher(script);
    assertThat(m.find()).as("bootstrap.sh sets oidc_scopes on the OIDC role").isTrue();
    assertThat(List.of(m.group(1).split(","))).as("scopes OpenBao requests").allMatch(known::contains);
  }
}
