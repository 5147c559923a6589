package dev.wharf.cli.validate;

import dev.wharf.cli.UserError;
import dev.wharf.validate.Report;
import dev.wharf.validate.ValidateException;
import dev.wharf.validate.ValidateOptions;
import dev.wharf.validate.Validator;
import dev.wharf.validate.helm.ChartOptions;
import dev.wharf.validate.policy.Policies;
import dev.wharf.validate.policy.PolicySettings;
import dev.wharf.validate.policy.pss.Level;
import dev.wharf.validate.report.Format;
import dev.wharf.validate.schema.BuiltinSchemaSource;
import dev.wharf.validate.schema.DirSchemaSource;
import dev.wharf.validate.schema.SchemaSource;
import dev.wharf.validate.schema.UrlSchemaSource;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wharf validate [DIR]}: render a GitOps tree with kustomize and check every object. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Render a GitOps tree with kustomize, and every Flux HelmRelease with helm as helm-controller would, then validate every object: "
          + "Kubernetes v1.34 or CRD schema (strict), then the platform policies.",
      "Exit status: 0 clean, 1 findings, 2 usage or environment error. The last line is "
          + "'validate: R resources (C from charts) in F files, E errors, T ms'.",
      "Policies: image-pinned, image-registry, resources, probes, no-secret-data, pvc-storageclass, tenant-default-deny, helm-remediation, "
          + "flux-depends-on, helm-values-unknown, pod-security, canary-refs.",
      "Exempt one object from one policy (or from helm-chart-missing) with the annotation validate.wharf.dev/exempt-<id>: \"<reason>\"."
    })
public final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The tree to validate (default: the current directory).")
  Path dir = Path.of(".");

  @Option(names = "--schema-dir", paramLabel = "DIR",
      description = "Read schemas from DIR (kubernetes-v1.34/ and crds/<group>/<kind>_<version>.json) instead of downloading them.")
  Path schemaDir;

  @Option(names = "--schema-cache", paramLabel = "DIR",
      description = "Where downloaded schemas are cached (default: $WHARF_HOME/cache/schemas or ~/.cache/wharf/schemas).")
  Path schemaCache;

  @Option(names = "--kubernetes-schema-url", paramLabel = "TEMPLATE", defaultValue = UrlSchemaSource.DEFAULT_KUBERNETES,
      description = "URL template of Kubernetes schemas; {file} is <kind>[-<group>]-<version>.json (default: ${DEFAULT-VALUE}).")
  String kubernetesUrl;

  @Option(names = "--crd-schema-url", paramLabel = "TEMPLATE", defaultValue = UrlSchemaSource.DEFAULT_CRDS,
      description = "URL template of CRD schemas with {group}, {kind} (lower case), {version} (default: ${DEFAULT-VALUE}).")
  String crdUrl;

  @Option(names = "--policies", paramLabel = "all|none|ID,...", defaultValue = "all",
      description = "Which platform policies to run (default: all); 'none' checks schemas only.")
  String policies;

  @Option(names = "--allow-kind", paramLabel = "KIND", description = "Accept objects of KIND (or GROUP/KIND) that have no schema. Repeatable.")
  List<String> allowKinds = new ArrayList<>();

  @Option(names = "--ignore-missing-schemas", description = "Accept every object that has no schema.")
  boolean ignoreMissingSchemas;

  @Option(names = "--registry", paramLabel = "HOST",
      description = "A registry app images may come from, for every cluster (repeatable). Without it: the registries the tree's "
          + "Platform document gives each cluster, else " + PolicySettings.DEFAULT_REGISTRY + ".")
  List<String> registries = new ArrayList<>();

  @Option(names = "--storage-class", paramLabel = "NAME",
      description = "A StorageClass PVCs may use besides those defined in the tree (default: nas, san). Repeatable; replaces the default.")
  List<String> storageClasses = new ArrayList<>();

  @Option(names = "--tenant-label", paramLabel = "KEY",
      description = "Label key that marks a tenant Namespace (default: wharf.dev/tenant, toolkit.fluxcd.io/tenant). Repeatable; replaces the default.")
  List<String> tenantLabels = new ArrayList<>();

  @Option(names = "--format", paramLabel = "text|junit|sarif", defaultValue = "text",
      description = "Output format (default: text). junit and sarif print a pure document; the summary line goes to stderr.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE; the summary line still goes to stdout.")
  Path output;

  @Option(names = "--kustomize", paramLabel = "PATH", description = "kustomize or kubectl binary to render with (default: kustomize, else kubectl, on PATH).")
  String kustomize;

  @Option(names = "--chart-dir", paramLabel = "DIR",
      description = "Read HelmRelease charts offline from DIR, as <chart>-<version>.tgz (as helm pull names them), instead of pulling them.")
  Path chartDir;

  @Option(names = "--chart-cache", paramLabel = "DIR",
      description = "Where pulled charts are cached (default: $WHARF_HOME/cache/charts or ~/.cache/wharf/charts).")
  Path chartCache;

  @Option(names = "--helm", paramLabel = "PATH", description = "helm binary to render and pull charts with (default: helm on PATH).")
  String helm;

  @Option(names = "--pod-security-default", paramLabel = "LEVEL", defaultValue = PolicySettings.DEFAULT_POD_SECURITY,
      description = "Pod Security level the cluster enforces in a namespace without a pod-security.kubernetes.io/enforce label "
          + "(privileged, baseline, restricted; default: ${DEFAULT-VALUE}, as Talos configures it).")
  String podSecurityDefault;

  @Option(names = "--pod-security-exempt-namespace", paramLabel = "NAME",
      description = "A namespace the cluster's Pod Security admission exempts (default: kube-system, as on Talos). Repeatable; replaces the default.")
  List<String> podSecurityExempt = new ArrayList<>();

  @Option(names = "--parallel", paramLabel = "N", description = "Renders at a time (default: twice the CPUs, 2 to 8).")
  Integer parallel;

  @Option(names = "--render-timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Give up on one render after this long (default: ${DEFAULT-VALUE}).")
  int renderTimeout;

  @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "" + ValidateOptions.DEFAULT_MAX_FILE_BYTES,
      description = "Largest YAML file read (default: ${DEFAULT-VALUE}).")
  long maxFileSize;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Format fmt = parseFormat();
    if (!Files.isDirectory(dir)) {
      throw new UserError(dir + " is not a directory; pass the GitOps tree to validate, for example: wharf validate gitops");
    }
    if (chartDir != null && !Files.isDirectory(chartDir)) {
      throw new UserError("--chart-dir " + chartDir + " is not a directory; point it at a directory of <chart>-<version>.tgz archives.");
    }
    if (renderTimeout < 1 || maxFileSize < 1 || (parallel != null && parallel < 1)) {
      throw new UserError("--render-timeout, --max-file-size and --parallel must be positive numbers.");
    }
    Report report;
    try {
      report = new Validator(options()).validate(dir).withFilePrefix(displayPrefix(dir))
          .withTotalMillis((System.nanoTime() - start) / 1_000_000);
    } catch (ValidateException e) {
      throw new UserError(e.getMessage());
    }
    print(report, fmt);
    return report.clean() ? 0 : 1;
  }

  private ValidateOptions options() {
    List<SchemaSource> sources = new ArrayList<>();
    if (schemaDir != null) {
      sources.add(new DirSchemaSource(schemaDir));
    } else {
      sources.add(new UrlSchemaSource(kubernetesUrl, crdUrl, schemaCache != null ? schemaCache : defaultCache("schemas")));
    }
    sources.add(new BuiltinSchemaSource());
    Set<String> classes = storageClasses.isEmpty() ? PolicySettings.DEFAULT_STORAGE_CLASSES : new LinkedHashSet<>(storageClasses);
    List<String> labels = tenantLabels.isEmpty() ? PolicySettings.DEFAULT_TENANT_LABELS : List.copyOf(tenantLabels);
    if (Level.parse(podSecurityDefault).isEmpty()) {
      throw new UserError("--pod-security-default '" + podSecurityDefault + "' is not a Pod Security level; use privileged, baseline or restricted.");
    }
    Set<String> exempt = podSecurityExempt.isEmpty() ? PolicySettings.DEFAULT_POD_SECURITY_EXEMPT : new LinkedHashSet<>(podSecurityExempt);
    ChartOptions charts = new ChartOptions(chartDir, chartCache != null ? chartCache : defaultCache("charts"), helm);
    return new ValidateOptions(sources, Policies.select(policies), new PolicySettings(List.copyOf(registries), classes, labels, podSecurityDefault, exempt),
        Set.copyOf(allowKinds), ignoreMissingSchemas, kustomize, charts,
        parallel != null ? parallel : ValidateOptions.defaultParallelism(), Duration.ofSeconds(renderTimeout), maxFileSize);
  }

  private Format parseFormat() {
    try {
      return Format.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserError("unknown --format '" + format + "'; use text, junit or sarif.");
    }
  }

  private void print(Report report, Format fmt) {
    PrintWriter out = spec.commandLine().getOut();
    if (output != null) {
      try (PrintWriter file = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
        fmt.write(report, file);
      } catch (IOException e) {
        throw new UserError("cannot write " + output + ": " + e.getMessage());
      }
      out.println(report.summaryLine());
      out.flush();
      return;
    }
    fmt.write(report, out);
    if (!fmt.includesSummary()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(report.summaryLine());
      err.flush();
    }
  }

  /** File paths in the report read from the current directory when DIR is under it. */
  private static String displayPrefix(Path dir) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path abs = dir.toAbsolutePath().normalize();
    if (!abs.startsWith(cwd) || abs.equals(cwd)) {
      return "";
    }
    return cwd.relativize(abs).toString().replace('\\', '/') + "/";
  }

  /** The schema and chart caches sit side by side: $WHARF_HOME/cache/NAME, else ~/.cache/wharf/NAME. */
  private static Path defaultCache(String name) {
    String home = System.getenv("WHARF_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home, "cache", name);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "wharf", name);
  }
}
