package dev.wharf.validate.helm;

import dev.wharf.validate.ChartOrigin;
import dev.wharf.validate.Exemptions;
import dev.wharf.validate.Finding;
import dev.wharf.validate.ObjectRef;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Rules;
import dev.wharf.validate.Yamls;
import dev.wharf.validate.render.Kustomize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The chart step of a validation: renders every Flux HelmRelease (helm.toolkit.fluxcd.io/v2)
 * among the tree's objects and turns what the charts render into objects to check, each
 * pointing back at its HelmRelease. Without HelmReleases nothing runs and helm is not needed.
 */
public final class ChartStage {
  public static final String GROUP = "helm.toolkit.fluxcd.io";

  /** The chart-rendered objects, the findings and notes about releases, and each release's outcome. */
  public record Result(List<Resource> resources, List<Finding> findings, List<String> notes, Map<Resource, RenderedRelease> releases) {
    static Result empty(List<String> notes) {
      return new Result(List.of(), List.of(), notes, Map.of());
    }
  }

  private ChartStage() {}

  public static boolean isHelmRelease(Resource r) {
    return r.kind().equals("HelmRelease") && r.ref().group().equals(GROUP);
  }

  /**
   * @param lineOf the line of a HelmRelease in its file, for findings on what it renders
   */
  public static Result run(List<Resource> tree, ChartOptions options, String kustomize, Duration timeout, int parallelism,
      ToIntFunction<Resource> lineOf) {
    List<Resource> releases = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    for (Resource r : tree) {
      if (isHelmRelease(r) && r.ref().version().equals("v2")) {
        releases.add(r);
      } else if (isHelmRelease(r)) {
        notes.add("HelmRelease " + r.ref() + " (" + r.ref().apiVersion() + ") is not rendered: only helm.toolkit.fluxcd.io/v2 is; "
            + "move it to v2 to have its chart checked");
      }
    }
    if (releases.isEmpty()) {
      return Result.empty(List.copyOf(notes));
    }
    Helm helm = Helm.locate(options.helm(), releases.size());
    ChartStore store = options.chartDir() != null ? new ChartDir(options.chartDir()) : new ChartCache(options.chartCache(), helm, timeout);
    ChartRenderer renderer = new ChartRenderer(helm, store, once(() -> Kustomize.locate(kustomize)), timeout, parallelism);
    List<RenderedRelease> rendered = renderer.renderAll(releases, new TreeObjects(tree), TreeObjects.apiVersions(tree));

    List<Resource> all = new ArrayList<>(tree);
    rendered.forEach(rr -> rr.docs().forEach(d -> all.add(Resource.of(d.content(), "", ""))));
    ClusterScoped scoped = new ClusterScoped(all);
    List<Resource> objects = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Map<Resource, RenderedRelease> byRelease = new IdentityHashMap<>();
    for (RenderedRelease rr : rendered) {
      Resource hr = rr.release();
      byRelease.put(hr, rr);
      notes.addAll(rr.notes());
      for (Finding f : rr.findings()) {
        if (Rules.EXEMPTABLE.contains(f.rule()) && Exemptions.exempt(hr, f.rule())) {
          notes.add("HelmRelease " + hr.ref() + " is exempt from " + f.rule() + " (" + Yamls.string(hr.annotations().get(Exemptions.PREFIX + f.rule()))
              + "); not rendered, its objects are not checked: " + f.message());
        } else {
          findings.add(f);
        }
      }
      int line = Math.max(1, lineOf.applyAsInt(hr));
      for (RenderedDoc d : rr.docs()) {
        ObjectRef ref = Resource.refOf(d.content());
        if (ref.namespace().isEmpty() && !scoped.contains(ref.group(), ref.kind())) {
          ref = new ObjectRef(ref.apiVersion(), ref.kind(), rr.spec().namespace(), ref.name());
        }
        objects.add(new Resource(d.content(), ref, hr.file(), hr.render(), new ChartOrigin(hr.ref(), rr.chartLabel(), d.template(), line)));
      }
    }
    return new Result(objects, findings, List.copyOf(notes), byRelease);
  }

  private static <T> Supplier<T> once(Supplier<T> s) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = s.get();
        }
        return value;
      }
    };
  }
}
