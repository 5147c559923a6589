package dev.wharf.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.cli.WharfCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/**
 * 'wharf app new' in-process on a copy of the repository's gitops/ tree: the files it writes,
 * the team entries it edits, the next steps it prints, and every refusal (exit 2, a message
 * that says what to do, nothing written). AppNewValidationTest runs the validator on its output.
 */
class AppNewCommandTest {
  @TempDir Path dir;
  private Path tree;
  private String out;
  private String err;

  @BeforeEach
  void copyTree() {
    tree = Trees.copy(Trees.gitops(), dir.resolve("gitops"));
  }

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cli = WharfCli.newCommandLine();
    cli.setOut(new PrintWriter(o, true));
    cli.setErr(new PrintWriter(e, true));
    List<String> all = new ArrayList<>(List.of("app", "new"));
    if (List.of(args).stream().noneMatch(a -> a.startsWith("--dir"))) {
      all.add("--dir=" + tree);
    }
    all.addAll(List.of(args));
    int code = cli.execute(all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }

  private String read(String relative) {
    try {
      return Files.readString(tree.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> yaml(String relative) {
    return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(read(relative));
  }

  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> doc, String... path) {
    Object o = doc;
    for (String p : path) {
      o = o instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(p) : null;
    }
    return o;
  }

  @Test
  void writesTheAppOnTheWebServiceBaseAndListsItInTheTeamsEntries() {
    String stagingEntry = read("apps/team-a/staging/kustomization.yaml");
    String productionEntry = read("apps/team-a/production/kustomization.yaml");

    assertThat(run("shop", "--team", "team-a")).as(err).isZero();

    Map<String, Object> app = yaml("apps/team-a/shop/base/app.yaml");
    assertThat(at(app, "kind")).isEqualTo("App");
    assertThat(at(app, "metadata", "name")).isEqualTo("shop");
    assertThat(at(app, "spec", "team")).isEqualTo("team-a");
    for (String part : List.of("mysql", "redis", "oidc", "registry", "dashboards")) {
      assertThat(at(app, "spec", part, "enabled")).as(part).isEqualTo(true);
    }
    assertThat(at(app, "spec", "redis", "keyPrefix")).isEqualTo("team-a:shop:");
    assertThat(at(app, "spec", "oidc", "redirectUris")).isEqualTo(List.of("https://shop.apps.wharf.example.com/*"));

    Map<String, Object> base = yaml("apps/team-a/shop/base/kustomization.yaml");
    assertThat(base.get("namespace")).isEqualTo("team-a");
    assertThat(base.get("resources")).isEqualTo(List.of("../../../base/web-service", "app.yaml"));
    assertThat(base.get("components")).isEqualTo(List.of("../../../components/app-name", "../../../components/otel-tracing"));
    assertThat(base.get("images")).isEqualTo(List.of(Map.of("name", "harbor.wharf.example.com/team/app",
        "newName", "harbor.wharf.example.com/team-a/shop", "newTag", "0.1.0")));

    Map<String, Object> staging = yaml("apps/team-a/shop/staging/kustomization.yaml");
    assertThat(staging.get("components")).isEqualTo(List.of("../../../components/progressive-delivery"));
    assertThat(staging.get("images")).isEqualTo(List.of(Map.of("name", "harbor.wharf.example.com/team-a/shop",
        "newName", "harbor.staging.wharf.example.com/team-a/shop", "newTag", "0.1.0")));
    assertThat(read("apps/team-a/shop/staging/kustomization.yaml"))
        .contains("value: [shop.apps.staging.wharf.example.com]")
        .contains("value: [\"https://shop.apps.staging.wharf.example.com/*\"]");
    Map<String, Object> production = yaml("apps/team-a/shop/production/kustomization.yaml");
    assertThat(production.get("components"))
        .isEqualTo(List.of("../../../components/progressive-delivery", "../../../components/ingress-public"));
    assertThat(read("apps/team-a/shop/production/kustomization.yaml")).doesNotContain("kind: Canary", "kind: App}");

    assertThat(read("apps/team-a/staging/kustomization.yaml")).isEqualTo(stagingEntry + "  - ../shop/staging\n");
    assertThat(read("apps/team-a/production/kustomization.yaml")).isEqualTo(productionEntry + "  - ../shop/production\n");

    assertThat(out).contains("Created shop for team team-a in " + tree + "/apps/team-a/shop:")
        .contains("wharf validate " + tree)
        .contains("git switch -c add-shop")
        .contains("open a pull request")
        .contains("CI (validate.yml)")
        .contains("https://shop.apps.staging.wharf.example.com (staging)")
        .contains("apps-team-a")
        .contains("wharf app status shop -n team-a")
        .contains("docs/developers.md");
  }

  @Test
  void anEmptyTeamEntryBecomesAListAndKeepsItsComments() {
    assertThat(run("ledger", "--team", "team-b", "--stateful")).as(err).isZero();
    assertThat(read("apps/team-b/staging/kustomization.yaml")).isEqualTo("""
        # Everything team-b runs in staging (nothing yet). Flux applies this directory as
        # the team's account (clusters/staging/apps.yaml, Kustomization apps-team-b).
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../ledger/staging
        """);
  }

  @Test
  void aStatefulAppStartsFromTheStatefulBaseWithoutRouteOrCanary() {
    assertThat(run("ledger", "--team", "team-b", "--stateful")).as(err).isZero();
    assertThat(yaml("apps/team-b/ledger/base/kustomization.yaml").get("resources"))
        .isEqualTo(List.of("../../../base/stateful-service", "app.yaml"));
    String staging = read("apps/team-b/ledger/staging/kustomization.yaml");
    assertThat(staging).contains("target: {kind: StatefulSet}").contains("path: /spec/replicas")
        .doesNotContain("components:", "HorizontalPodAutoscaler", "hostnames");
    assertThat(at(yaml("apps/team-b/ledger/base/app.yaml"), "spec", "oidc")).isEqualTo(Map.of("enabled", true));
    assertThat(out).doesNotContain("answers at");
  }

  @Test
  void flagsTurnPartsOfTheAppAndItsComponentsOff() {
    assertThat(run("plain", "--team", "team-a", "--no-mysql", "--no-redis", "--no-oidc", "--no-registry",
        "--no-dashboards", "--no-tracing", "--no-progressive-delivery", "--no-public-ingress")).as(err).isZero();
    Map<String, Object> app = yaml("apps/team-a/plain/base/app.yaml");
    for (String part : List.of("mysql", "redis", "oidc", "registry", "dashboards")) {
      assertThat(at(app, "spec", part)).as(part).isEqualTo(Map.of("enabled", false));
    }
    assertThat(yaml("apps/team-a/plain/base/kustomization.yaml").get("components"))
        .isEqualTo(List.of("../../../components/app-name"));
    for (String env : List.of("staging", "production")) {
      assertThat(yaml("apps/team-a/plain/" + env + "/kustomization.yaml")).as(env).doesNotContainKey("components");
    }
    // Without a Canary the environment's hostname goes on the HTTPRoute.
    assertThat(read("apps/team-a/plain/staging/kustomization.yaml")).contains("target: {kind: HTTPRoute}")
        .contains("path: /spec/hostnames").doesNotContain("kind: App}");
    assertThat(out).contains("the App: nothing enabled yet");
  }

  @Test
  void explicitFlagsAreTheDefaults() {
    assertThat(run("shop", "--team", "team-a", "--mysql", "--progressive-delivery", "--public-ingress")).as(err).isZero();
    assertThat(at(yaml("apps/team-a/shop/base/app.yaml"), "spec", "mysql", "enabled")).isEqualTo(true);
    assertThat(yaml("apps/team-a/shop/production/kustomization.yaml").get("components"))
        .isEqualTo(List.of("../../../components/progressive-delivery", "../../../components/ingress-public"));
  }

  @Test
  void anImageIsPulledFromEachEnvironmentsOwnHarbor() {
    String digest = "sha256:" + "0123456789abcdef".repeat(4);
    assertThat(run("pinned", "--team", "team-a", "--image", "harbor.staging.wharf.example.com/team-a/web/pinned@" + digest))
        .as(err).isZero();
    assertThat(yaml("apps/team-a/pinned/base/kustomization.yaml").get("images")).isEqualTo(List.of(Map.of(
        "name", "harbor.wharf.example.com/team/app", "newName", "harbor.staging.wharf.example.com/team-a/web/pinned",
        "digest", digest)));
    assertThat(yaml("apps/team-a/pinned/staging/kustomization.yaml").get("images")).isEqualTo(List.of(Map.of(
        "name", "harbor.staging.wharf.example.com/team-a/web/pinned", "digest", digest)));
    assertThat(yaml("apps/team-a/pinned/production/kustomization.yaml").get("images")).isEqualTo(List.of(Map.of(
        "name", "harbor.staging.wharf.example.com/team-a/web/pinned",
        "newName", "harbor.wharf.example.com/team-a/web/pinned", "digest", digest)));

    assertThat(run("tagged", "--team", "team-a", "--image", "harbor.wharf.example.com/team-a/tagged:2.3.1")).as(err).isZero();
    assertThat(yaml("apps/team-a/tagged/production/kustomization.yaml").get("images")).isEqualTo(List.of(Map.of(
        "name", "harbor.wharf.example.com/team-a/tagged", "newTag", "2.3.1")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Shop", "1shop", "shop_api", "-shop", "shop-", "sh.op", "café"})
  void aNameThatIsNotADnsLabelStartingWithALetterIsRefused(String name) {
    assertRefused(new String[] {"--team", "team-a", "--", name}, "is not a valid app name", "starting with a letter");
  }

  @Test
  void aNameTooLongForWhatIsDerivedFromItIsRefusedWithTheLimit() {
    // Flagger's Services <app>-primary / -canary must stay DNS labels: 55 characters with a canary.
    assertRefused(new String[] {"a".repeat(56), "--team", "team-a"}, "Flagger's Service " + "a".repeat(56) + "-primary",
        "64 characters", "use at most 55 characters");
    // The StatefulSet's pods carry controller-revision-hash: <app>-<hash>: 52 characters.
    assertRefused(new String[] {"a".repeat(53), "--team", "team-a", "--stateful"}, "revision label", "use at most 52");
    assertRefused(new String[] {"a".repeat(64), "--team", "team-a", "--no-progressive-delivery"}, "is not a valid app name");
    assertThat(run("a".repeat(55), "--team", "team-a")).as(err).isZero();
    assertThat(run("b".repeat(52), "--team", "team-a", "--stateful")).as(err).isZero();
    assertThat(run("c".repeat(63), "--team", "team-a", "--no-progressive-delivery")).as(err).isZero();
  }

  @Test
  void aNameEndingLikeAnotherAppsDerivedNamesIsRefused() {
    assertRefused(new String[] {"greeter-primary", "--team", "team-a"}, "ends in -primary", "choose another name");
    assertRefused(new String[] {"db-headless", "--team", "team-a"}, "ends in -headless");
  }

  @Test
  void anAppThatExistsIsNeverOverwritten() {
    assertRefused(new String[] {"greeter", "--team", "team-a"}, "apps/team-a/greeter already exists", "nothing was written");
    assertThat(run("shop", "--team", "team-a")).isZero();
    String app = read("apps/team-a/shop/base/app.yaml");
    assertRefused(new String[] {"shop", "--team", "team-a", "--no-mysql"}, "apps/team-a/shop already exists");
    assertThat(read("apps/team-a/shop/base/app.yaml")).isEqualTo(app);
  }

  @Test
  void anAppOfTheSameNameElsewhereInTheTeamIsRefused() throws IOException {
    Path other = Files.createDirectories(tree.resolve("apps/team-a/storefront/base"));
    Files.writeString(other.resolve("app.yaml"), "apiVersion: platform.wharf.dev/v1alpha1\nkind: App\nmetadata:\n  name: shop\n");
    assertRefused(new String[] {"shop", "--team", "team-a"}, "team team-a already has an App named shop",
        "apps/team-a/storefront/base/app.yaml");
  }

  @Test
  void aTeamTheTreeDoesNotKnowIsRefusedWithTheTeamsItKnows() {
    assertRefused(new String[] {"shop", "--team", "team-z"}, "the tree knows no team 'team-z' (its teams: team-a, team-b)",
        "Add a team");
    // A team's apps entry is needed for every environment.
    try {
      Files.delete(tree.resolve("apps/team-b/production/kustomization.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertRefused(new String[] {"shop", "--team", "team-b"}, "team team-b has no apps entry for production",
        "apps/team-b/production/kustomization.yaml");
  }

  @Test
  void aDirectoryThatIsNotAWharfTreeIsRefused() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(run("shop", "--team", "team-a", "--dir", empty.toString())).isEqualTo(2);
    assertThat(err).contains("is not a Wharf GitOps tree").contains("platform.yaml").contains("--dir");
    assertThat(run("shop", "--team", "team-a", "--dir", dir.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err).contains("no Wharf GitOps tree at").contains("run this from the repository's root");
    assertThat(empty).isEmptyDirectory();
  }

  @Test
  void optionsThatDoNotFitTheStatefulBaseAreRefused() {
    assertRefused(new String[] {"ledger", "--team", "team-a", "--stateful", "--progressive-delivery"},
        "--progressive-delivery needs the web-service base");
    assertRefused(new String[] {"ledger", "--team", "team-a", "--stateful", "--public-ingress"},
        "the stateful-service base has none");
  }

  @Test
  void anImageTheClustersCannotPullIsRefused() {
    assertRefused(new String[] {"shop", "--team", "team-a", "--image", "docker.io/library/nginx:1.27"},
        "is not in the platform's Harbor (harbor.wharf.example.com, harbor.staging.wharf.example.com)");
    assertRefused(new String[] {"shop", "--team", "team-a", "--image", "harbor.wharf.example.com/team-b/shop:1.0.0"},
        "not in team team-a's Harbor project", "harbor.wharf.example.com/team-a/<image>");
    assertRefused(new String[] {"shop", "--team", "team-a", "--image", "harbor.wharf.example.com/team-a/shop"},
        "names no fixed version");
    assertRefused(new String[] {"shop", "--team", "team-a", "--image", "harbor.wharf.example.com/team-a/shop:latest"},
        "names no fixed version");
    assertRefused(new String[] {"shop", "--team", "team-a", "--image", "team-a/shop:1.0.0"}, "is not an image reference with its registry");
  }

  @Test
  void aWriteThatFailsPartWayLeavesTheTreeAsItWas() throws IOException {
    // The staging entry is replaced through a file beside it; a directory in that place makes the write fail
    // after the app's files and the production entry are written.
    Files.createDirectory(tree.resolve("apps/team-a/staging/kustomization.yaml.wharf-new"));
    Map<String, String> before = snapshot(tree);
    assertThat(run("shop", "--team", "team-a")).isEqualTo(1);
    assertThat(err).contains("could not write the app").contains("removed again");
    assertThat(snapshot(tree)).isEqualTo(before);
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("shop")).isEqualTo(2);
    assertThat(err).contains("Missing required option: '--team=TEAM'");
    assertThat(run("--team", "team-a")).isEqualTo(2);
    assertThat(err).contains("Missing required parameter: 'NAME'");
  }

  /** Runs the command, expects exit 2 with every piece of {@code message} in stderr, and the tree unchanged. */
  private void assertRefused(String[] args, String... message) {
    Map<String, String> before = snapshot(tree);
    assertThat(run(args)).as("exit code of %s (stderr %s)", String.join(" ", args), err).isEqualTo(2);
    assertThat(err).startsWith("wharf: ").contains(message);
    assertThat(snapshot(tree)).as("the tree after a refusal").isEqualTo(before);
  }

  private static Map<String, String> snapshot(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        files.put(root.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
