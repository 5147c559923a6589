package dev.wharf.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.Resource;
import dev.wharf.validate.render.Kustomize;
import dev.wharf.validate.render.Render;
import dev.wharf.validate.render.Renderer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The apps domain platform.yaml gives each cluster, from which 'wharf app new' writes hostnames,
 * is the one that cluster's shared Gateway serves apps under (its `apps` listener), and the
 * web-service base's placeholder hostname is production's.
 */
class AppsDomainTest {

  @Test
  void eachClustersAppsDomainIsItsGatewaysAppsListener() {
    WharfTree tree = WharfTree.open(Trees.gitops());
    List<Environment> envs = tree.environments();
    assertThat(envs).extracting(Environment::name).contains("production", "staging");
    for (Environment env : envs) {
      Render r = new Renderer(Kustomize.locate(null), Duration.ofSeconds(60), 1)
          .render(tree.root(), tree.root().resolve("infrastructure/configs/" + env.name()));
      assertThat(r.failure()).as("render of infrastructure/configs/%s", env.name()).isNull();
      Resource gateway = r.resources().stream().filter(o -> o.kind().equals("Gateway") && o.ref().name().equals("wharf"))
          .findFirst().orElseThrow();
      List<Object> hostnames = WharfTree.list(gateway.spec().get("listeners")).stream().map(WharfTree::map)
          .filter(l -> "apps".equals(l.get("name"))).map(l -> l.get("hostname")).toList();
      assertThat(hostnames).as("the apps listener of %s's Gateway", env.name()).containsExactly("*." + env.appsDomain());
    }
    Environment production = envs.stream().filter(Environment::production).findFirst().orElseThrow();
    assertThat(tree.baseAppsDomain()).isEqualTo(production.appsDomain());
  }

  @Test
  void theRegistriesAreTheOnesEachClustersOperatorHandsOut() {
    // REGISTRY_HOST of each cluster's operator: what the App's pull access is for.
    WharfTree tree = WharfTree.open(Trees.gitops());
    for (Environment env : tree.environments()) {
      Render r = new Renderer(Kustomize.locate(null), Duration.ofSeconds(60), 1)
          .render(tree.root(), tree.root().resolve("wharf-operator/" + env.name()));
      assertThat(r.failure()).as("render of wharf-operator/%s", env.name()).isNull();
      Map<String, Object> data = r.resources().stream().filter(o -> o.kind().equals("ConfigMap") && o.ref().name().equals("wharf-operator"))
          .map(o -> WharfTree.map(o.content().get("data"))).findFirst().orElseThrow();
      assertThat(env.registry()).as("%s's registry", env.name()).isEqualTo(data.get("REGISTRY_HOST"));
    }
  }
}
