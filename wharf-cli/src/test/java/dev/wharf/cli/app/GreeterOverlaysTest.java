package dev.wharf.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.Resource;
import dev.wharf.validate.render.Kustomize;
import dev.wharf.validate.render.Render;
import dev.wharf.validate.render.Renderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * greeter's overlays name the app once (its App resource, through components/app-name and the
 * components that follow it) and render exactly the objects they rendered when the base
 * overlay renamed everything with five patches: the same objects, field for field. The change
 * was meant to change how the overlays are written, not what they render, so nothing is
 * excepted.
 *
 * <p>The "before" renders are fixtures under src/test/resources (greeter-before/), made with
 * {@code kubectl kustomize} from the tree before the change, rather than rendered from that
 * commit with git at test time: CI may clone without history (a shallow checkout), and the
 * fixtures show in review exactly what the overlays must keep rendering. A later change that
 * is meant to change greeter's objects regenerates them: {@code kubectl kustomize
 * gitops/apps/team-a/greeter/<env>} into the fixture, below its header.
 */
class GreeterOverlaysTest {

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void rendersTheSameObjectsAsBeforeTheOverlaysNamedTheAppOnce(String env) throws IOException {
    Map<String, Map<String, Object>> before = byIdentity(fixture(env));
    Map<String, Map<String, Object>> now = byIdentity(render(env));

    assertThat(now.keySet()).as("objects greeter's %s overlay renders", env).isEqualTo(before.keySet());
    List<String> differences = new ArrayList<>();
    for (String id : before.keySet()) {
      differences.addAll(TreeDiff.of(id, before.get(id), now.get(id)));
    }
    assertThat(differences).as("fields that differ from the render before the change (%s)", env).isEmpty();
    assertThat(before).as("the fixture holds greeter's objects").containsKeys(
        "apps/v1 Deployment team-a/greeter", "flagger.app/v1beta1 Canary team-a/greeter",
        "platform.wharf.dev/v1alpha1 App team-a/greeter");
  }

  private static List<Map<String, Object>> render(String env) {
    Render r = new Renderer(Kustomize.locate(null), Duration.ofSeconds(60), 1)
        .render(Trees.gitops(), Trees.gitops().resolve("apps/team-a/greeter/" + env));
    assertThat(r.failure()).as("render of greeter's %s overlay", env).isNull();
    return r.resources().stream().map(Resource::content).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> fixture(String env) throws IOException {
    try (InputStream in = GreeterOverlaysTest.class.getResourceAsStream("greeter-before/" + env + ".yaml")) {
      Objects.requireNonNull(in, "fixture greeter-before/" + env + ".yaml");
      List<Map<String, Object>> docs = new ArrayList<>();
      for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
        docs.add((Map<String, Object>) doc);
      }
      return docs;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> byIdentity(List<Map<String, Object>> objects) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Map<String, Object> o : objects) {
      Map<String, Object> meta = (Map<String, Object>) o.getOrDefault("metadata", Map.of());
      String id = o.get("apiVersion") + " " + o.get("kind") + " " + meta.getOrDefault("namespace", "") + "/" + meta.get("name");
      assertThat(out.put(id, o)).as("%s rendered once", id).isNull();
    }
    return out;
  }

  /** The fields where two objects differ, as "id: path: before -> now". */
  static final class TreeDiff {
    private TreeDiff() {}

    static List<String> of(String id, Object before, Object now) {
      List<String> out = new ArrayList<>();
      walk(id + ": ", "", before, now, out);
      return out;
    }

    @SuppressWarnings("unchecked")
    private static void walk(String prefix, String path, Object a, Object b, List<String> out) {
      if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
        TreeSet<String> keys = new TreeSet<>();
        ((Map<String, Object>) ma).keySet().forEach(keys::add);
        ((Map<String, Object>) mb).keySet().forEach(keys::add);
        for (String k : keys) {
          walk(prefix, path + "." + k, ma.get(k), mb.get(k), out);
        }
      } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
        for (int i = 0; i < la.size(); i++) {
          walk(prefix, path + "[" + i + "]", la.get(i), lb.get(i), out);
        }
      } else if (!Objects.equals(a, b)) {
        out.add(prefix + (path.isEmpty() ? "." : path) + ": " + a + " -> " + b);
      }
    }
  }
}
