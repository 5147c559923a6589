package dev.wharf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.render.Kustomize;
import dev.wharf.validate.render.Render;
import dev.wharf.validate.render.Renderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progressive-delivery component (gitops/apps/components) as apps use it: greeter's overlays
 * hand routing to Flagger with every name taken from the app, and an app the component cannot
 * serve is refused with a finding that says why.
 */
class ProgressiveDeliveryComponentTest {
  @TempDir Path dir;

  private static Render render(Path root, Path entry) {
    Render r = new Renderer(Kustomize.locate(null), Duration.ofSeconds(60), 1).render(root, entry);
    assertThat(r.failure()).as("render of %s", entry).isNull();
    return r;
  }

  private static Resource only(Render r, String kind) {
    List<Resource> found = r.resources().stream().filter(o -> o.kind().equals(kind)).toList();
    assertThat(found).as("%s objects rendered", kind).hasSize(1);
    return found.get(0);
  }

  @Test
  void greetersOverlaysHandItsRouteToFlaggerUnderItsOwnName() {
    Path gitops = TestSupport.gitops();
    Map<String, String> hosts = Map.of("staging", "greeter.apps.staging.wharf.example.com", "production", "greeter.apps.wharf.example.com");
    for (Map.Entry<String, String> env : hosts.entrySet()) {
      Render r = render(gitops, gitops.resolve("apps/team-a/greeter/" + env.getKey()));
      assertThat(r.resources()).extracting(Resource::kind).as("Flagger generates these in %s", env.getKey())
          .doesNotContain("Service", "HTTPRoute");
      Resource canary = only(r, "Canary");
      assertThat(canary.ref()).isEqualTo(new ObjectRef("flagger.app/v1beta1", "Canary", "team-a", "greeter"));
      Map<String, Object> spec = canary.spec();
      assertThat(Yamls.at(spec, "targetRef", "name")).isEqualTo("greeter");
      assertThat(Yamls.at(spec, "autoscalerRef", "name")).isEqualTo("greeter");
      assertThat(Yamls.at(spec, "service", "hosts")).isEqualTo(List.of(env.getValue()));
      assertThat(Yamls.at(spec, "service", "gatewayRefs"))
          .isEqualTo(List.of(Map.of("name", "wharf", "namespace", "gateway", "sectionName", "apps")));
      for (Object hook : Yamls.list(Yamls.at(spec, "analysis", "webhooks"))) {
        Map<String, Object> h = Yamls.map(hook);
        assertThat(Yamls.string(h.get("url"))).as("webhook %s", h.get("name")).startsWith("http://flagger-loadtester.team-a.svc/");
        String cmd = Yamls.string(Yamls.at(h, "metadata", "cmd"));
        if (!cmd.isEmpty()) {
          assertThat(cmd).as("webhook %s", h.get("name")).startsWith("set -- greeter && ").contains("http://$1-canary/");
        }
      }
      assertThat(Yamls.at(only(r, "PodDisruptionBudget").spec(), "selector"))
          .isEqualTo(Map.of("matchLabels", Map.of("app.kubernetes.io/name", "greeter-primary")));
      Resource monitor = only(r, "ServiceMonitor");
      assertThat(Yamls.at(monitor.spec(), "selector", "matchExpressions"))
          .isEqualTo(List.of(Map.of("key", "app.kubernetes.io/name", "operator", "In", "values", List.of("greeter-primary", "greeter-canary"))));
      assertThat(Yamls.at(only(r, "Deployment").spec(), "template", "spec", "serviceAccountName")).isEqualTo("greeter");
    }
    Render production = render(gitops, gitops.resolve("apps/team-a/greeter/production"));
    assertThat(Yamls.at(Yamls.list(only(production, "BackendTrafficPolicy").spec().get("targetRefs")).get(0), "name"))
        .as("the public-ingress policy attaches to the HTTPRoute Flagger generates, named after the Canary")
        .isEqualTo("greeter");
  }

  @Test
  void anAppWithoutAnHttpRouteOrWithoutAGatewayDoesNotRenderWithTheComponent() throws IOException {
    // A Canary cannot route an app that nothing routes to: the build stops, naming what is missing.
    String noRoute = """
        patches:
          - target: {kind: HTTPRoute}
            patch: |
              $patch: delete
              apiVersion: gateway.networking.k8s.io/v1
              kind: HTTPRoute
              metadata: {name: app}
        """;
    String noGateway = """
        patches:
          - target: {kind: HTTPRoute}
            patch: |
              - op: remove
                path: /spec/parentRefs
        """;
    assertRefused(tree("no-route", noRoute), "nothing selected by HTTPRoute");
    assertRefused(tree("no-gateway", noGateway), "`spec.parentRefs` is missing");
  }

  private static void assertRefused(Path tree, String why) {
    Report report = new Validator(TestSupport.options()).validate(tree);
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo(Rules.RENDER);
      assertThat(f.file()).isEqualTo("apps/shop/production/kustomization.yaml");
      assertThat(f.message()).contains(why).contains("progressive-delivery");
    });
  }

  @Test
  void theSameAppWithItsRouteIsClean() throws IOException {
    Report report = new Validator(TestSupport.options()).validate(tree("clean", ""));
    assertThat(report.findings()).isEmpty();
    assertThat(report.resources()).isPositive();
  }

  /**
   * A tree with the web-service base, the component, the shared Gateway and metric templates as
   * gitops/ has them, and an app "shop": its base is the web-service base with {@code extra},
   * its production overlay uses the component.
   */
  private Path tree(String name, String extra) throws IOException {
    Path gitops = TestSupport.gitops();
    Path tree = dir.resolve(name);
    copy(gitops.resolve("apps/base/web-service"), tree.resolve("apps/base/web-service"));
    copy(gitops.resolve("apps/components/progressive-delivery"), tree.resolve("apps/components/progressive-delivery"));
    Files.createDirectories(tree.resolve("platform"));
    Files.copy(gitops.resolve("infrastructure/configs/base/gateway.yaml"), tree.resolve("platform/gateway.yaml"));
    Files.copy(gitops.resolve("services/flagger/config/metric-templates.yaml"), tree.resolve("platform/metric-templates.yaml"));
    Path base = Files.createDirectories(tree.resolve("apps/shop/base"));
    Files.writeString(base.resolve("kustomization.yaml"), """
        namespace: team-a
        resources:
          - ../../base/web-service
        """ + extra);
    Path production = Files.createDirectories(tree.resolve("apps/shop/production"));
    Files.writeString(production.resolve("kustomization.yaml"), """
        resources:
          - ../base
        components:
          - ../../components/progressive-delivery
        """);
    return tree;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(f -> {
        try {
          Path target = to.resolve(from.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(target);
          } else {
            Files.copy(f, target);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
