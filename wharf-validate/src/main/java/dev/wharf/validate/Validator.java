package dev.wharf.validate;

import dev.wharf.validate.helm.ChartStage;
import dev.wharf.validate.helm.RenderedRelease;
import dev.wharf.validate.platform.Platform;
import dev.wharf.validate.policy.Policies;
import dev.wharf.validate.policy.Policy;
import dev.wharf.validate.policy.PolicyContext;
import dev.wharf.validate.render.Kustomize;
import dev.wharf.validate.render.Render;
import dev.wharf.validate.render.Renderer;
import dev.wharf.validate.schema.CompiledSchema;
import dev.wharf.validate.schema.Gvk;
import dev.wharf.validate.schema.SchemaStore;
import dev.wharf.validate.schema.SchemaValidator;
import dev.wharf.validate.schema.Violation;
import dev.wharf.validate.tree.LineLocator;
import dev.wharf.validate.tree.Tree;
import dev.wharf.validate.tree.TreeScanner;
import dev.wharf.validate.tree.YamlFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One validation run over a directory: scan, render entry points in parallel, check plain
 * files, then validate every object against its schema and the selected policies.
 */
public final class Validator {
  private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
      .thenComparingInt(Finding::line).thenComparing(Finding::objectName).thenComparing(Finding::path).thenComparing(Finding::rule)
      .thenComparing(Finding::message);

  private final ValidateOptions options;

  public Validator(ValidateOptions options) {
    this.options = options;
  }

  public Report validate(Path dir) {
    long start = System.nanoTime();
    Tree tree = new TreeScanner(options.maxFileBytes()).scan(dir);
    List<Finding> findings = new ArrayList<>();
    for (YamlFile f : tree.files().values()) {
      if (!f.loaded()) {
        findings.add(f.problem());
      }
    }
    List<Resource> resources = new ArrayList<>();
    long renderMillis = render(tree, resources, findings);
    List<Platform> platforms = new ArrayList<>();
    readPlainFiles(tree, resources, platforms, findings);
    for (Platform extra : platforms.subList(Math.min(1, platforms.size()), platforms.size())) {
      findings.add(Finding.ofFile(Rules.PLATFORM, extra.file(), "a second Platform document (the first is in " + platforms.get(0).file()
          + "); only one is read", "Keep one Platform document for the tree and list every cluster in it."));
    }

    LineLocator lines = new LineLocator(tree.root(), options.maxFileBytes());
    long chartStart = System.nanoTime();
    ChartStage.Result charts = ChartStage.run(resources, options.charts(), options.kustomize(), options.renderTimeout(),
        options.parallelism(), hr -> lines.locate(hr.finding(Rules.RENDER, "", "", "")).line());
    renderMillis += (System.nanoTime() - chartStart) / 1_000_000;
    resources.addAll(charts.resources());
    findings.addAll(charts.findings());
    findings.addAll(check(resources, charts.releases(), platforms.isEmpty() ? null : platforms.get(0)));

    Set<Finding> unique = new LinkedHashSet<>();
    for (Finding f : findings) {
      unique.add(lines.locate(f));
    }
    List<Finding> sorted = new ArrayList<>(unique);
    sorted.sort(ORDER);
    long total = (System.nanoTime() - start) / 1_000_000;
    return new Report(List.copyOf(sorted), distinct(resources), distinct(charts.resources()), tree.files().size(), charts.notes(),
        renderMillis, total);
  }

  /** An object several environments render from the same file, with the same identity, counts once. */
  private static int distinct(List<Resource> resources) {
    return (int) resources.stream().map(r -> r.file() + "\u0000" + r.ref()).distinct().count();
  }

  /** Renders every entry point whose files all loaded; returns the wall time of rendering. */
  private long render(Tree tree, List<Resource> resources, List<Finding> findings) {
    List<Path> renderable = new ArrayList<>();
    for (Path entry : tree.entryPoints()) {
      Optional<YamlFile> broken = tree.reach().get(entry).stream().map(tree.files()::get)
          .filter(f -> f != null && !f.loaded()).findFirst();
      if (broken.isPresent()) {
        // Hostile or broken input is not handed to kustomize; the file has its own finding.
        String rel = tree.relative(TreeScanner.kustomizationFile(entry));
        findings.add(Finding.ofFile(Rules.RENDER, rel, "not rendered: " + broken.get().relative() + " does not load ("
            + broken.get().problem().rule() + ")", "Fix " + broken.get().relative() + " first (see its own finding)."));
      } else {
        renderable.add(entry);
      }
    }
    if (renderable.isEmpty()) {
      return 0; // plain manifests validate without kustomize
    }
    long start = System.nanoTime();
    Renderer renderer = new Renderer(Kustomize.locate(options.kustomize()), options.renderTimeout(), options.parallelism());
    for (Render r : renderer.renderAll(tree.root(), renderable)) {
      if (r.ok()) {
        resources.addAll(r.resources());
      } else {
        findings.add(r.failure());
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * Objects of the files no kustomization includes, each file its own render, and the
   * validator's own Platform documents among them.
   */
  private static void readPlainFiles(Tree tree, List<Resource> resources, List<Platform> platforms, List<Finding> findings) {
    for (Path p : tree.plainFiles()) {
      YamlFile f = tree.files().get(p);
      for (Object doc : f.docs()) {
        Map<String, Object> obj = Yamls.map(doc);
        if (Platform.isSettings(obj)) {
          platforms.add(Platform.read(obj, f.relative(), findings));
        } else if (Yamls.string(obj.get("kind")).endsWith("List") && obj.get("items") instanceof List<?> items) {
          // Flux applies a directory through kustomize, which unpacks a List into its items:
          // check each item, so a Secret cannot hide inside one.
          for (Object item : items) {
            addPlain(Yamls.map(item), f, resources, findings);
          }
        } else {
          addPlain(obj, f, resources, findings);
        }
      }
    }
  }

  private static void addPlain(Map<String, Object> obj, YamlFile f, List<Resource> resources, List<Finding> findings) {
    if (Yamls.string(obj.get("apiVersion")).isEmpty() || Yamls.string(obj.get("kind")).isEmpty()) {
      findings.add(Finding.ofFile(Rules.NOT_A_RESOURCE, f.relative(), "a YAML document without apiVersion and kind, and no kustomization includes this file",
          "Give the document apiVersion and kind, reference the file from a kustomization (for example as a patch or generator input), or rename it so it does not end in .yaml."));
    } else {
      resources.add(Resource.of(obj, f.relative(), f.relative()));
    }
  }

  /** Schema and policy checks of every object; objects are checked in parallel. */
  List<Finding> check(List<Resource> resources, Map<Resource, RenderedRelease> releases, Platform platform) {
    SchemaStore store = new SchemaStore(options.schemaSources());
    WharfCrds.addTo(store);
    for (Resource r : resources) {
      if (r.kind().equals("CustomResourceDefinition") && r.ref().group().equals("apiextensions.k8s.io")) {
        store.addCrd(r);
      }
    }
    PolicyContext ctx = new PolicyContext(resources, options.policySettings(), releases, platform);
    ConcurrentLinkedQueue<Finding> out = new ConcurrentLinkedQueue<>(ctx.platformProblems());
    resources.parallelStream().forEach(r -> {
      checkSchema(r, store, out::add);
      checkPolicies(r, ctx, out::add);
    });
    return new ArrayList<>(out);
  }

  private void checkSchema(Resource r, SchemaStore store, Consumer<Finding> out) {
    Gvk gvk = new Gvk(r.ref().group(), r.ref().version(), r.ref().kind());
    Optional<CompiledSchema> schema = store.find(gvk);
    if (schema.isEmpty()) {
      if (!allowed(gvk)) {
        out.accept(r.finding(Rules.SCHEMA_MISSING, "", "no schema for apiVersion " + gvk.apiVersion() + " kind " + gvk.kind(),
            "Check apiVersion and kind for typos; for a custom resource add its CRD to the tree or its JSON schema at "
                + "<schema-dir>/crds/<group>/<kind>_<version>.json; or allow it with --allow-kind " + gvk.kind() + "."));
      }
      return;
    }
    for (Violation v : SchemaValidator.validate(r.content(), schema.get())) {
      out.accept(r.finding(v.rule(), v.path(), v.path().isEmpty() ? v.message() : v.path() + " " + v.message(), fixFor(v.rule())));
    }
  }

  private boolean allowed(Gvk gvk) {
    return options.ignoreMissingSchemas() || options.allowKinds().contains(gvk.kind())
        || options.allowKinds().contains(gvk.group() + "/" + gvk.kind());
  }

  private static String fixFor(String rule) {
    return switch (rule) {
      case Rules.SCHEMA_UNKNOWN_FIELD -> "Remove the field or fix its spelling or indentation; the API server would drop or reject it.";
      case Rules.SCHEMA_TYPE -> "Give the field a value of the expected type (quote numbers meant as strings).";
      case Rules.SCHEMA_REQUIRED -> "Add the required field.";
      default -> "Change the value to one the schema allows.";
    };
  }

  private void checkPolicies(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    Map<String, Object> annotations = r.annotations();
    for (String key : annotations.keySet()) {
      String id = key.startsWith(Exemptions.PREFIX) ? key.substring(Exemptions.PREFIX.length()) : null;
      if (id != null && !Policies.exists(id) && !Rules.EXEMPTABLE.contains(id)) {
        List<String> ids = new ArrayList<>(Policies.all().stream().map(Policy::id).toList());
        ids.addAll(new TreeSet<>(Rules.EXEMPTABLE));
        out.accept(r.finding(Rules.EXEMPTION, "metadata.annotations[\"" + key + "\"]",
            "exemption names an unknown policy '" + id + "'", "Use one of the policy ids: " + String.join(", ", ids) + "."));
      } else if (id != null && Rules.EXEMPTABLE.contains(id) && Yamls.string(annotations.get(key)).isBlank()) {
        out.accept(blankReason(r, key, id));
      }
    }
    for (Policy p : options.policies()) {
      String key = Exemptions.PREFIX + p.id();
      if (annotations.containsKey(key)) {
        if (Exemptions.exempt(r, p.id())) {
          continue;
        }
        out.accept(blankReason(r, key, p.id()));
      }
      p.check(r, ctx, out);
    }
  }

  private static Finding blankReason(Resource r, String key, String id) {
    return r.finding(Rules.EXEMPTION, "metadata.annotations[\"" + key + "\"]", "exemption from " + id + " gives no reason, so it does not apply",
        "Write why the object is exempt as the annotation value, for example " + key + ": \"vendor image, digest pinned upstream\".");
  }
}
