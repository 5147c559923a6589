package dev.wharf.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.cli.WharfCli;
import dev.wharf.validate.Resource;
import dev.wharf.validate.render.Kustomize;
import dev.wharf.validate.render.Render;
import dev.wharf.validate.render.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * What 'wharf app new' writes passes the full validator (schemas, policies, every HelmRelease
 * rendered from the offline charts), for each option. The validator checks whole trees (it
 * follows each cluster's Flux Kustomizations, and its policies look across objects: the
 * tenants' Pod Security labels, the Gateway and metric templates a Canary names), so it cannot
 * check one app alone; instead one copy of the tree gets an app for every option and is
 * validated once, which also renders the charts once. Each option's test then reads that run's
 * findings for its app and checks, in its team's render of each environment, that the option
 * did what it says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppNewValidationTest {
  private static final String DIGEST = "sha256:" + "89abcdef01234567".repeat(4);
  private static final String LONGEST = "l" + "o".repeat(53) + "g";

  /** One app per option; no app's name starts another's. */
  enum Option {
    DEFAULTS("team-a", "shop", List.of(), o -> {
      assertThat(o.kinds()).contains("Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceMonitor", "Canary")
          .doesNotContain("Service", "HTTPRoute");
      if (o.production) {
        assertThat(o.kinds()).as("ingress-public in production").contains("BackendTrafficPolicy");
      } else {
        assertThat(o.kinds()).as("ingress-public in production only").doesNotContain("BackendTrafficPolicy");
      }
      assertThat(o.appSpec("mysql", "redis", "oidc", "registry", "dashboards")).containsOnly(true);
      assertThat(o.env()).contains("OTEL_SERVICE_NAME");
    }),
    STATEFUL("team-b", "ledger", List.of("--stateful"), o -> {
      assertThat(o.kinds()).contains("StatefulSet", "Service", "PodDisruptionBudget").doesNotContain("Deployment", "Canary", "HTTPRoute");
      assertThat(o.names()).contains("ledger-headless");
    }),
    NO_PROGRESSIVE_DELIVERY("team-b", "search", List.of("--no-progressive-delivery"), o -> {
      assertThat(o.kinds()).contains("Service", "HTTPRoute").doesNotContain("Canary");
      assertThat(o.text()).contains(o.production ? "search.apps.wharf.example.com" : "search.apps.staging.wharf.example.com");
    }),
    NO_PUBLIC_INGRESS("team-a", "intranet", List.of("--no-public-ingress"), o -> assertThat(o.kinds()).doesNotContain("BackendTrafficPolicy")),
    NO_MYSQL("team-a", "catalog", List.of("--no-mysql"), o -> assertThat(o.appSpec("mysql")).containsOnly(false)),
    NO_REDIS("team-a", "billing", List.of("--no-redis"), o -> assertThat(o.appSpec("redis")).containsOnly(false)),
    NO_OIDC("team-a", "worker", List.of("--no-oidc"), o -> assertThat(o.appSpec("oidc")).containsOnly(false)),
    NO_REGISTRY("team-a", "mirror", List.of("--no-registry"), o -> assertThat(o.appSpec("registry")).containsOnly(false)),
    NO_DASHBOARDS("team-a", "quiet", List.of("--no-dashboards"), o -> assertThat(o.appSpec("dashboards")).containsOnly(false)),
    NO_TRACING("team-a", "batch", List.of("--no-tracing"), o -> assertThat(o.env()).doesNotContain("OTEL_SERVICE_NAME")),
    STATEFUL_WITHOUT_ANYTHING("team-b", "archive", List.of("--stateful", "--no-mysql", "--no-redis", "--no-oidc",
        "--no-dashboards", "--no-tracing"), o -> assertThat(o.appSpec("mysql", "redis", "oidc", "dashboards")).containsOnly(false)),
    IMAGE_TAG("team-b", "tagged", List.of("--image", "harbor.staging.wharf.example.com/team-b/tagged:2.0.1"), o ->
        assertThat(o.images()).containsOnly((o.production ? "harbor.wharf.example.com" : "harbor.staging.wharf.example.com")
            + "/team-b/tagged:2.0.1")),
    IMAGE_DIGEST("team-a", "pinned", List.of("--image", "harbor.wharf.example.com/team-a/pinned@" + DIGEST), o ->
        assertThat(o.images()).containsOnly((o.production ? "harbor.wharf.example.com" : "harbor.staging.wharf.example.com")
            + "/team-a/pinned@" + DIGEST)),
    LONGEST_NAME("team-b", LONGEST, List.of(), o -> assertThat(o.names()).contains(LONGEST));

    final String team;
    final String app;
    final List<String> flags;
    final Consumer<AppObjects> expect;

    Option(String team, String app, List<String> flags, Consumer<AppObjects> expect) {
      this.team = team;
      this.app = app;
      this.flags = flags;
      this.expect = expect;
    }
  }

  /** The app's objects in its team's render of one environment. */
  record AppObjects(boolean production, List<Resource> all) {
    List<String> kinds() {
      return all.stream().map(Resource::kind).toList();
    }

    List<String> names() {
      return all.stream().map(r -> r.ref().name()).toList();
    }

    String text() {
      return all.toString();
    }

    List<Object> appSpec(String... parts) {
      Map<String, Object> spec = all.stream().filter(r -> r.kind().equals("App")).findFirst().orElseThrow().spec();
      return List.of(parts).stream().map(p -> WharfTree.map(spec.get(p)).get("enabled")).toList();
    }

    List<String> images() {
      return all.stream().filter(r -> r.kind().equals("Deployment") || r.kind().equals("StatefulSet"))
          .flatMap(r -> WharfTree.list(WharfTree.map(WharfTree.map(r.spec().get("template")).get("spec")).get("containers")).stream())
          .map(c -> String.valueOf(WharfTree.map(c).get("image"))).toList();
    }

    String env() {
      return all.stream().filter(r -> r.kind().equals("Deployment") || r.kind().equals("StatefulSet"))
          .map(r -> String.valueOf(r.spec())).findFirst().orElse("");
    }
  }

  private Path tree;
  private int exitCode;
  private String report;

  @BeforeAll
  void addEveryOptionAndValidateOnce() throws IOException {
    Trees.requireHelm();
    tree = Trees.copy(Trees.gitops(), Files.createTempDirectory("wharf-app-new").resolve("gitops"));
    for (Option o : Option.values()) {
      List<String> args = new ArrayList<>(List.of("app", "new", o.app, "--team", o.team, "--dir", tree.toString()));
      args.addAll(o.flags);
      StringWriter err = new StringWriter();
      CommandLine cli = WharfCli.newCommandLine();
      cli.setOut(new PrintWriter(new StringWriter(), true));
      cli.setErr(new PrintWriter(err, true));
      assertThat(cli.execute(args.toArray(String[]::new))).as("%s: %s", o, err).isZero();
    }
    StringWriter out = new StringWriter();
    CommandLine cli = WharfCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    exitCode = cli.execute("validate", tree.toString(), "--schema-dir", Trees.schemas().toString(),
        "--chart-dir", Trees.charts().toString());
    report = out.toString();
  }

  @AfterAll
  void removeTree() throws IOException {
    if (tree != null) {
      Trees.delete(tree.getParent());
    }
  }

  @Test
  void theTreeWithEveryOptionsAppValidatesClean() {
    assertThat(exitCode).as(report).isZero();
    assertThat(report.strip().lines().reduce((a, b) -> b).orElse("")).matches("validate: \\d+ resources \\(\\d+ from charts\\).* 0 errors, .*");
    assertThat(report).as("the charts were rendered").doesNotContain("(0 from charts)");
  }

  @ParameterizedTest
  @EnumSource(Option.class)
  void eachOptionsAppHasNoFindingsAndRendersInItsTeamsEntries(Option o) {
    Pattern mine = Pattern.compile("apps/" + o.team + "/" + o.app + "/|/" + o.team + "/" + o.app + "(-[a-z]+)?[: ]");
    List<String> findings = report.lines().filter(l -> !l.startsWith(" ") && !l.startsWith("note:") && mine.matcher(l).find())
        .toList();
    assertThat(findings).as("findings for %s", o.app).isEmpty();

    for (String env : List.of("staging", "production")) {
      Render r = new Renderer(Kustomize.locate(null), Duration.ofSeconds(60), 1).render(tree, tree.resolve("apps/" + o.team + "/" + env));
      assertThat(r.failure()).as("render of %s's %s entry", o.team, env).isNull();
      List<Resource> objects = r.resources().stream().filter(x -> belongs(x, o.app)).toList();
      assertThat(objects).as("%s's objects in apps-%s (%s)", o.app, o.team, env).extracting(Resource::kind).contains("App");
      assertThat(objects).allSatisfy(x -> assertThat(x.ref().namespace()).as("namespace of %s", x.ref()).isIn(o.team, ""));
      o.expect.accept(new AppObjects(env.equals("production"), objects));
    }
  }

  /** An object of the app: named after it, or (the policy of ingress-public) <app>-public. */
  private static boolean belongs(Resource r, String app) {
    String name = r.ref().name();
    return name.equals(app) || name.equals(app + "-headless") || name.equals(app + "-public");
  }
}
