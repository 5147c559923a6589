package dev.wharf.cli.app;

import dev.wharf.core.DnsLabel;
import dev.wharf.cli.UserError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wharf app new}: a new app in the GitOps tree, on a prewritten base with the
 * platform's components, listed in its team's apps entry so Flux applies it. Refuses, and
 * writes nothing, when the name, the team, the tree or the image would not work.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
    description = {"Add an app to the GitOps tree: apps/<team>/<name>/{base,<environment>...} with its App resource, "
        + "and list it in the team's apps entries so Flux applies it.",
        "Everything is on unless turned off with --no-...; the output validates with 'wharf validate'."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the app was written", "1:the files could not be written (what was written is removed again)",
        "2:usage error, or refused (nothing was written)"})
public final class AppNewCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME",
      description = "The app's name: a DNS label that starts with a letter (it names the App, its objects and hostname).")
  String name;

  @Option(names = "--team", required = true, paramLabel = "TEAM", description = "The team that owns it (one of the tree's tenants).")
  String team;

  @Option(names = "--stateful", description = "Start from the stateful-service base (a StatefulSet with a volume) instead of web-service.")
  boolean stateful;

  @Option(names = "--image", paramLabel = "REF",
      description = "The app's image, <registry>/<team>/<name>:<tag> or @sha256:... (default: <name>:0.1.0 in the team's "
          + "project of production's Harbor). Each environment pulls it from its own Harbor.")
  String image;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "gitops", description = "The GitOps tree (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--mysql", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "A MySQL database and user (default: on).")
  boolean mysql;

  @Option(names = "--redis", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "A Redis ACL user under the key prefix <team>:<name>: (default: on).")
  boolean redis;

  @Option(names = "--oidc", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "A Keycloak client, with sign-in from the app's hostname (default: on).")
  boolean oidc;

  @Option(names = "--registry", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Pull access to the team's Harbor project (default: on; without it the pods need another way to pull).")
  boolean registry;

  @Option(names = "--dashboards", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "A Grafana dashboard (default: on).")
  boolean dashboards;

  @Option(names = "--tracing", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Send traces to Tempo (components/otel-tracing; default: on).")
  boolean tracing;

  @Option(names = "--progressive-delivery", negatable = true,
      description = "Release each version as a canary that rolls back by itself (components/progressive-delivery; "
          + "default: on for web-service; not for --stateful).")
  Boolean progressiveDelivery;

  @Option(names = "--public-ingress", negatable = true,
      description = "Rate limit, timeouts and retries for internet traffic in production (components/ingress-public; "
          + "default: on for web-service; not for --stateful, which has no route).")
  Boolean publicIngress;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WharfTree tree = WharfTree.open(dir);
    List<Environment> envs = tree.environments();
    NewApp app = choices(tree, envs);
    FilePlan plan = plan(tree, app, envs);
    plan.apply();
    NextSteps.print(out, app, envs, dir);
    out.flush();
    return 0;
  }

  /** The options as a NewApp, or a refusal that says what to change. */
  private NewApp choices(WharfTree tree, List<Environment> envs) {
    Base base = stateful ? Base.STATEFUL_SERVICE : Base.WEB_SERVICE;
    checkName(base);
    List<String> teams = tree.teams();
    if (!teams.contains(team)) {
      throw new UserError("the tree knows no team '" + team + "' (its teams: " + String.join(", ", teams) + "): use one of"
          + " them, or add the team first (docs/gitops.md, \"Add a team\")");
    }
    if (!base.routed() && Boolean.TRUE.equals(progressiveDelivery)) {
      throw new UserError("--progressive-delivery needs the web-service base (a Deployment behind an HTTPRoute); a"
          + " --stateful app rolls out pod by pod: leave one of the two options out");
    }
    if (!base.routed() && Boolean.TRUE.equals(publicIngress)) {
      throw new UserError("--public-ingress hardens an HTTPRoute, and the stateful-service base has none: leave one of"
          + " the two options out");
    }
    boolean pd = base.routed() && !Boolean.FALSE.equals(progressiveDelivery);
    boolean pub = base.routed() && !Boolean.FALSE.equals(publicIngress);
    DerivedNames.tooLong(name, base, pd).ifPresent(d -> {
      throw new UserError("the name '" + name + "' is too long: " + d.what() + " " + d.name() + " would have " + d.length()
          + " characters, over the " + DerivedNames.LABEL_MAX + " Kubernetes allows; use at most "
          + DerivedNames.maxLength(base, pd) + " characters");
    });
    return new NewApp(name, team, base, image(envs), new NewApp.Capabilities(mysql, redis, oidc, registry, dashboards),
        tracing, pd, pub);
  }

  private void checkName(Base base) {
    if (!DnsLabel.isValid(name) || !Character.isLetter(name.charAt(0))) {
      throw new UserError("'" + name + "' is not a valid app name: use lower-case letters, digits and '-', starting with"
          + " a letter and ending with a letter or digit (a DNS label; it becomes a Service name and a hostname),"
          + " for example shop or order-api");
    }
    DerivedNames.RESERVED_SUFFIXES.stream().filter(name::endsWith).findFirst().ifPresent(s -> {
      throw new UserError("the name '" + name + "' ends in " + s + ", like the names Flagger and the stateful base give"
          + " another app's objects (" + name.substring(0, name.length() - s.length()) + s + "): choose another name");
    });
  }

  private ImageRef image(List<Environment> envs) {
    List<String> known = envs.stream().flatMap(e -> e.registries().stream()).distinct().toList();
    if (image == null) {
      String host = envs.stream().filter(Environment::production).findFirst().orElse(envs.get(0)).registry();
      return new ImageRef(host, team + "/" + name, "0.1.0", null);
    }
    ImageRef ref = ImageRef.parse(image);
    if (!known.contains(ref.host())) {
      throw new UserError("--image " + image + " is not in the platform's Harbor (" + String.join(", ", known) + "):"
          + " push the image there; each cluster pulls only from its own");
    }
    if (!ref.repository().startsWith(team + "/")) {
      throw new UserError("--image " + image + " is not in team " + team + "'s Harbor project: use " + ref.host() + "/"
          + team + "/<image>, the project the App's pull access covers");
    }
    return ref;
  }

  private FilePlan plan(WharfTree tree, NewApp app, List<Environment> envs) {
    if (Files.exists(tree.root().resolve(app.dir()))) {
      throw new UserError(app.dir() + " already exists: nothing was written. Choose another name, or change that app's"
          + " files by hand");
    }
    Optional<String> clash = tree.appFile(team, name);
    if (clash.isPresent()) {
      throw new UserError("team " + team + " already has an App named " + name + " (" + clash.get() + "): choose another"
          + " name");
    }
    FilePlan plan = new FilePlan(tree.root());
    AppFiles files = new AppFiles(app, envs, tree.placeholderImage(app.base()), tree.baseAppsDomain());
    for (Map.Entry<String, String> f : files.files().entrySet()) {
      plan.create(f.getKey(), f.getValue());
    }
    for (Environment env : envs) {
      String entry = WharfTree.teamEntry(team, env);
      if (!Files.isRegularFile(tree.root().resolve(entry))) {
        throw new UserError("team " + team + " has no apps entry for " + env.name() + " (" + entry + "): add the team's"
            + " entries first (docs/gitops.md, \"Add a team\")");
      }
      String before = tree.read(entry);
      String item = "../" + name + "/" + env.name();
      if (ResourceList.entries(before, entry).contains(item)) {
        throw new UserError(entry + " already lists " + item + ", which does not exist: remove that line, or restore the"
            + " app from git");
      }
      plan.edit(entry, before, ResourceList.add(before, item, entry));
    }
    return plan;
  }
}
