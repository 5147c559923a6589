package dev.wharf.bench.validate;

import dev.wharf.validate.Report;
import dev.wharf.validate.Resource;
import dev.wharf.validate.ValidateOptions;
import dev.wharf.validate.Validator;
import dev.wharf.validate.helm.ChartOptions;
import dev.wharf.validate.helm.ChartStage;
import dev.wharf.validate.policy.Policies;
import dev.wharf.validate.policy.PolicySettings;
import dev.wharf.validate.render.Kustomize;
import dev.wharf.validate.render.Render;
import dev.wharf.validate.render.Renderer;
import dev.wharf.validate.schema.BuiltinSchemaSource;
import dev.wharf.validate.schema.DirSchemaSource;
import dev.wharf.validate.tree.Tree;
import dev.wharf.validate.tree.TreeScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * How much validation adds to rendering. Each run times (a) render-only: scan the tree, render
 * every entry point with kustomize and every HelmRelease with helm template (the same renders,
 * charts from the same directory), the work any check of what the cluster will run must do,
 * and (b) a full wharf validate run (that rendering, then schemas from disk and policies). One
 * warm-up run of each is dropped; the medians are reported.
 *
 * <p>Usage: bench/validate [DIR] [--runs N] [--schema-dir DIR] [--chart-dir DIR]; DIR defaults
 * to gitops/, the schemas to ../shared/schemas and the charts to ../shared/charts, relative to
 * the repository root. helm must be on PATH.
 */
public final class ValidateBench {

  public static void main(String[] args) {
    Path repo = Path.of(System.getenv().getOrDefault("WHARF_REPO", ".")).toAbsolutePath().normalize();
    Path dir = repo.resolve("gitops");
    Path schemas = repo.resolve("../shared/schemas").normalize();
    Path charts = repo.resolve("../shared/charts").normalize();
    int runs = 7;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--schema-dir" -> schemas = Path.of(args[++i]);
        case "--chart-dir" -> charts = Path.of(args[++i]);
        default -> dir = Path.of(args[i]);
      }
    }
    if (!Files.isDirectory(dir) || !Files.isDirectory(schemas) || !Files.isDirectory(charts)) {
      System.err.println("validate-bench: need a tree (" + dir + "), a schema directory (" + schemas + ") and a chart directory ("
          + charts + "); pass them as DIR, --schema-dir and --chart-dir");
      System.exit(2);
    }
    int parallelism = ValidateOptions.defaultParallelism();
    ValidateOptions options = options(schemas, charts, parallelism);
    List<Long> render = new ArrayList<>();
    List<Long> full = new ArrayList<>();
    List<Long> checking = new ArrayList<>();
    Report last = null;
    for (int i = 0; i <= runs; i++) {
      long r = renderOnly(dir, options);
      long start = System.nanoTime();
      last = new Validator(options).validate(dir);
      long v = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("run %d%s: render %d ms, render+validate %d ms (%d resources, %d from charts, %d errors)%n",
          i, i == 0 ? " (warm-up, dropped)" : "", r, v, last.resources(), last.chartResources(), last.findings().size());
      if (i > 0) {
        render.add(r);
        full.add(v);
        checking.add(last.totalMillis() - last.renderMillis());
      }
    }
    long r = median(render);
    long v = median(full);
    long overhead = r == 0 ? 0 : Math.round((v - r) * 100.0 / r);
    System.out.printf("tree %s: %d entry points and its HelmReleases rendered %d at a time, %d runs, medians; %d objects (%d from charts)%n",
        dir, new TreeScanner(ValidateOptions.DEFAULT_MAX_FILE_BYTES).scan(dir).entryPoints().size(), parallelism, runs,
        last.resources(), last.chartResources());
    System.out.printf("inside the full runs: everything but rendering (scan, plain files, schemas, policies) took %d ms%n", median(checking));
    System.out.printf("validate-bench: render %d ms, render+validate %d ms, overhead %d %%%n", r, v, overhead);
  }

  /** Kustomize for every entry point, then helm for every HelmRelease found, as the full run renders them. */
  private static long renderOnly(Path dir, ValidateOptions o) {
    long start = System.nanoTime();
    Tree tree = new TreeScanner(o.maxFileBytes()).scan(dir);
    List<Resource> objects = new ArrayList<>();
    for (Render r : new Renderer(Kustomize.locate(null), o.renderTimeout(), o.parallelism()).renderAll(tree.root(), tree.entryPoints())) {
      objects.addAll(r.resources());
    }
    ChartStage.run(objects, o.charts(), null, o.renderTimeout(), o.parallelism(), hr -> 1);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static ValidateOptions options(Path schemas, Path charts, int parallelism) {
    return new ValidateOptions(List.of(new DirSchemaSource(schemas), new BuiltinSchemaSource()), Policies.all(),
        PolicySettings.defaults(), Set.of(), false, null, new ChartOptions(charts, null, null), parallelism,
        ValidateOptions.DEFAULT_RENDER_TIMEOUT, ValidateOptions.DEFAULT_MAX_FILE_BYTES);
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
