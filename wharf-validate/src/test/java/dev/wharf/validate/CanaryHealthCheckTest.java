package dev.wharf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The CEL health checks the team Kustomizations run on Flagger's Canaries (clusters/<env>/apps.yaml),
 * evaluated with a CEL implementation in the order kustomize-controller uses (inProgress, failed,
 * current; none true is in progress) against the states Flagger gives a Canary.
 */
class CanaryHealthCheckTest {
  private static final CelCompiler CEL = CelCompilerFactory.standardCelCompilerBuilder()
      .addVar("apiVersion", SimpleType.DYN).addVar("kind", SimpleType.DYN).addVar("metadata", SimpleType.DYN)
      .addVar("spec", SimpleType.DYN).addVar("status", SimpleType.DYN).build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  enum Health { CURRENT, FAILED, IN_PROGRESS }

  private static Map<String, Object> canary(String phase, String applied, String promoted) {
    return Map.of("apiVersion", "flagger.app/v1beta1", "kind", "Canary", "metadata", Map.of("name", "greeter"),
        "status", Map.of("phase", phase, "lastAppliedSpec", applied, "lastPromotedSpec", promoted));
  }

  private static boolean holds(String expr, Map<String, Object> object) throws CelEvaluationException, CelValidationException {
    if (expr == null || expr.isBlank()) {
      return false;
    }
    var ast = CEL.compile(expr).getAst();
    return Boolean.TRUE.equals(RUNTIME.createProgram(ast).eval(object));
  }

  private static Health health(Map<String, Object> check, Map<String, Object> object) throws CelEvaluationException, CelValidationException {
    if (holds(Yamls.string(check.get("inProgress")), object)) {
      return Health.IN_PROGRESS;
    }
    if (holds(Yamls.string(check.get("failed")), object)) {
      return Health.FAILED;
    }
    return holds(Yamls.string(check.get("current")), object) ? Health.CURRENT : Health.IN_PROGRESS;
  }

  /** The Canary check of every Kustomization that applies a team's apps, by name and environment. */
  private static Map<String, Map<String, Object>> canaryChecks() throws IOException {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    Path clusters = TestSupport.gitops().resolve("clusters");
    List<Path> files;
    try (Stream<Path> s = Files.walk(clusters)) {
      files = s.filter(p -> p.getFileName().toString().equals("apps.yaml")).sorted().toList();
    }
    assertThat(files).as("clusters/<env>/apps.yaml").isNotEmpty();
    for (Path f : files) {
      for (Object doc : new Yaml().loadAll(Files.readString(f))) {
        Map<String, Object> spec = Yamls.map(Yamls.map(doc).get("spec"));
        if (!Yamls.string(spec.get("path")).startsWith("./gitops/apps/")) {
          continue;
        }
        String name = clusters.relativize(f.getParent()) + "/" + Yamls.at(doc, "metadata", "name");
        assertThat(spec.get("wait")).as("%s waits for what it applies", name).isEqualTo(true);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Object c : Yamls.list(spec.get("healthCheckExprs"))) {
          Map<String, Object> check = Yamls.map(c);
          if (Yamls.string(check.get("apiVersion")).startsWith("flagger.app/") && "Canary".equals(check.get("kind"))) {
            checks.add(check);
          }
        }
        assertThat(checks).as("%s checks its apps' Canaries", name).hasSize(1);
        out.put(name, checks.get(0));
      }
    }
    return out;
  }

  @Test
  void everyTeamKustomizationFollowsItsCanariesAsFlaggerMovesThem() throws Exception {
    Map<String, Map<String, Object>> checks = canaryChecks();
    assertThat(checks.keySet()).contains("production/apps-team-a", "staging/apps-team-a");
    for (Map.Entry<String, Map<String, Object>> e : checks.entrySet()) {
      Map<String, Object> check = e.getValue();
      String kustomization = e.getKey();
      for (String phase : List.of("", "Initializing", "Waiting", "Progressing", "WaitingPromotion", "Promoting", "Finalising")) {
        assertThat(health(check, canary(phase, "new", "old"))).as("%s, canary %s", kustomization, phase).isEqualTo(Health.IN_PROGRESS);
      }
      assertThat(health(check, canary("Initialized", "a", "a"))).as(kustomization).isEqualTo(Health.CURRENT);
      assertThat(health(check, canary("Succeeded", "new", "new"))).as(kustomization).isEqualTo(Health.CURRENT);
      assertThat(health(check, canary("Failed", "new", "old"))).as("%s: git still asks for the version rolled back", kustomization)
          .isEqualTo(Health.FAILED);
      assertThat(health(check, canary("Failed", "old", "old"))).as("%s: git reverted to the version that serves", kustomization)
          .isEqualTo(Health.CURRENT);
      Map<String, Object> fresh = Map.of("apiVersion", "flagger.app/v1beta1", "kind", "Canary", "metadata", Map.of("name", "greeter"));
      assertThat(health(check, fresh)).as("%s: a Canary Flagger has not seen yet", kustomization).isEqualTo(Health.IN_PROGRESS);
    }
  }
}
