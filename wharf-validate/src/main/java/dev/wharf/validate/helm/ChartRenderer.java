package dev.wharf.validate.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Rules;
import dev.wharf.validate.ValidateException;
import dev.wharf.validate.helm.HelmTemplate.Attempt;
import dev.wharf.validate.render.Kustomize;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Renders HelmReleases with {@code helm template} as helm-controller would install them, in
 * parallel (a bounded pool) with a timeout each. Identical releases (the same release in two
 * cluster entry points) render once. A chart that asks {@code .Capabilities.APIVersions} is
 * rendered again once the CRDs the other charts install are known, so it sees every API the
 * platform provides.
 */
public final class ChartRenderer {
  public static final int MAX_OUTPUT = 256 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HelmTemplate template;
  private final ChartStore store;
  private final int parallelism;
  private final Map<Path, CompletableFuture<Chart>> charts = new ConcurrentHashMap<>();
  private final Map<Path, KnownValues> known = new ConcurrentHashMap<>();
  private final Map<Path, Set<String>> namedApis = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Attempt>> renders = new ConcurrentHashMap<>();

  public ChartRenderer(Helm helm, ChartStore store, Supplier<Kustomize> kustomize, Duration timeout, int parallelism) {
    this.template = new HelmTemplate(helm, kustomize, timeout);
    this.store = store;
    this.parallelism = Math.max(1, parallelism);
  }

  /**
   * A release ready for helm: what helm-controller derives from it and its chart, or (chart
   * null) the outcome when it cannot render.
   */
  private record Prepared(RenderedRelease outcome, Path archive) {}

  /** Renders every release; results in the order given. {@code apis}: what the tree itself provides. */
  public List<RenderedRelease> renderAll(List<Resource> releases, TreeObjects tree, Set<String> apis) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, releases.size())), r -> {
      Thread t = new Thread(r, "wharf-helm");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Prepared> prepared = runAll(pool, releases.stream().map(hr -> (Supplier<Prepared>) () -> prepare(hr, tree)).toList());
      // Charts see the CRDs of every crds/ directory from the start; what they then render
      // (CRDs in templates, subcharts that are off) corrects that in a second pass.
      Set<String> seen = new TreeSet<>(apis);
      prepared.stream().filter(p -> p.archive() != null && p.outcome().spec().includeCrds())
          .forEach(p -> seen.addAll(p.outcome().chart().allCrdApis()));
      List<RenderedRelease> first = runAll(pool, prepared.stream().map(p -> (Supplier<RenderedRelease>) () -> render(p, seen)).toList());
      Set<String> actual = new TreeSet<>(apis);
      first.forEach(r -> actual.addAll(TreeObjects.apiVersions(r.docs().stream().map(d -> Resource.of(d.content(), "", "")).toList())));
      Set<String> changed = groupVersions(seen);
      changed.addAll(groupVersions(actual));
      Set<String> both = groupVersions(seen);
      both.retainAll(groupVersions(actual));
      changed.removeAll(both);
      if (changed.isEmpty()) {
        return first;
      }
      List<Supplier<RenderedRelease>> again = new ArrayList<>();
      for (int i = 0; i < first.size(); i++) {
        Prepared p = prepared.get(i);
        RenderedRelease r = first.get(i);
        again.add(asksFor(p, r, changed) ? () -> render(p, actual) : () -> r);
      }
      return runAll(pool, again);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Set<String> groupVersions(Set<String> apis) {
    Set<String> out = new TreeSet<>();
    for (String a : apis) {
      String[] p = a.split("/");
      if (p.length >= 2) {
        out.add(p[0] + "/" + p[1]);
      }
    }
    return out;
  }

  /**
   * Whether a render may change with {@code changed} group/versions: its chart asks
   * .Capabilities.APIVersions and names one of them (charts ask with literal strings).
   */
  private boolean asksFor(Prepared p, RenderedRelease r, Set<String> changed) {
    if (p.archive() == null || r.docs().isEmpty() || !r.chart().asksApiVersions()) {
      return false;
    }
    Set<String> named = namedApis.computeIfAbsent(p.archive(), a -> r.chart().groupVersionsNamed());
    return changed.stream().anyMatch(named::contains);
  }

  private static <T> List<T> runAll(ExecutorService pool, List<Supplier<T>> tasks) {
    List<Future<T>> futures = tasks.stream().map(t -> pool.submit(t::get)).toList();
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      try {
        out.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while rendering charts", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof ValidateException v) {
          throw v; // no kustomize for a post-renderer, say: a usage error, not a crash
        }
        throw new IllegalStateException("rendering a chart failed unexpectedly: " + e.getCause(), e.getCause());
      }
    }
    return out;
  }

  /** One release's source, values, chart archive (pulled if need be) and chart. */
  private Prepared prepare(Resource hr, TreeObjects tree) {
    ReleaseSpec spec = ReleaseSpec.of(hr);
    ReleaseValues values = ReleaseValues.of(hr, tree);
    List<Finding> findings = new ArrayList<>(values.findings());
    List<String> notes = new ArrayList<>(values.notes());
    ChartSources.Outcome source = ChartSources.resolve(hr, tree);
    if (source.ref() == null) {
      if (source.problem() != null) {
        findings.add(source.problem());
      } else {
        notes.add(source.note());
      }
      return new Prepared(new RenderedRelease(hr, spec, null, null, values, null, List.of(), findings, notes), null);
    }
    ChartRef ref = source.ref();
    ChartStore.Lookup lookup = store.locate(ref);
    if (lookup.archive() == null) {
      findings.add(hr.finding(Rules.HELM_CHART_MISSING, ref.path(), lookup.problem(), lookup.fix()));
      return new Prepared(new RenderedRelease(hr, spec, ref, null, values, null, List.of(), findings, notes), null);
    }
    try {
      Chart chart = chart(lookup.archive());
      KnownValues knownValues = known.computeIfAbsent(lookup.archive(), a -> KnownValues.of(chart));
      ReleaseValues fitted = values.fitTo(chart.values());
      return new Prepared(new RenderedRelease(hr, spec, ref, chart, fitted, knownValues, List.of(), findings, fitted.notes()), lookup.archive());
    } catch (IOException e) {
      findings.add(hr.finding(Rules.HELM_RENDER, ref.path(), "chart archive " + lookup.archive() + " cannot be read: " + e.getMessage(),
          "Replace the archive with one helm pull produces."));
      return new Prepared(new RenderedRelease(hr, spec, ref, null, values, null, List.of(), findings, notes), null);
    }
  }

  /** helm template and post-rendering of a prepared release, with {@code apis} as what the cluster serves. */
  private RenderedRelease render(Prepared p, Set<String> apis) {
    RenderedRelease r = p.outcome();
    if (p.archive() == null) {
      return r;
    }
    ReleaseSpec spec = r.spec();
    Attempt a = attempt(p.archive(), spec, r.values().rendered(), apis);
    List<Finding> findings = new ArrayList<>(r.findings());
    if (a.docs() == null) {
      String what = a.rule().equals(Rules.HELM_VALUES_SCHEMA) ? "the chart's values.schema.json rejects the values" : "helm template fails";
      findings.add(r.release().finding(a.rule(), "spec.values", what + " (chart " + r.chartLabel() + "): " + a.message(),
          "Render it yourself to see the whole error: helm template " + spec.releaseName() + " " + p.archive() + " --namespace "
              + spec.namespace() + " -f <the release's values>; then fix spec.values (or valuesFrom, postRenderers) so the chart accepts them."));
    }
    List<String> notes = new ArrayList<>(r.notes());
    if (!a.skippedTests().isEmpty()) {
      notes.add(TestHooks.note(r.release(), a.skippedTests()));
    }
    return new RenderedRelease(r.release(), spec, r.ref(), r.chart(), r.values(), r.known(), a.docs() == null ? List.of() : a.docs(),
        findings, notes);
  }

  private Chart chart(Path archive) throws IOException {
    CompletableFuture<Chart> mine = new CompletableFuture<>();
    CompletableFuture<Chart> had = charts.putIfAbsent(archive, mine);
    if (had == null) {
      try {
        mine.complete(ChartArchive.read(archive));
      } catch (IOException | RuntimeException e) {
        mine.completeExceptionally(e);
      }
    }
    try {
      return (had == null ? mine : had).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(String.valueOf(e.getCause().getMessage()), e.getCause());
    }
  }

  /** helm template once per distinct input, shared by identical releases. */
  private Attempt attempt(Path archive, ReleaseSpec spec, Map<String, Object> values, Set<String> apis) {
    String key;
    try {
      key = JSON.writeValueAsString(List.of(archive.toString(), spec.toString(), values, new TreeSet<>(apis)));
    } catch (JsonProcessingException e) {
      return new Attempt(Rules.HELM_RENDER, "the values cannot be written for helm: " + e.getOriginalMessage());
    }
    CompletableFuture<Attempt> mine = new CompletableFuture<>();
    CompletableFuture<Attempt> had = renders.putIfAbsent(key, mine);
    if (had != null) {
      return had.join();
    }
    try {
      Attempt a = template.run(archive, spec, values, apis);
      mine.complete(a);
      return a;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e); // releases waiting on the same render fail too, instead of hanging
      throw e;
    }
  }
}
