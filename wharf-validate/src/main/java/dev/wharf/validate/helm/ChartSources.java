package dev.wharf.validate.helm;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Rules;
import dev.wharf.validate.Yamls;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a HelmRelease's chart the way source-controller does: {@code spec.chart} with a
 * HelmRepository (HTTP index or OCI), or {@code spec.chartRef} to an OCIRepository or a
 * HelmChart. The outcome is the chart reference, a finding (the source is not in the tree or
 * cannot work), or a note (a source kind that is not rendered offline: Git, Bucket).
 */
final class ChartSources {
  static final String SOURCE_GROUP = "source.toolkit.fluxcd.io";

  record Outcome(ChartRef ref, Finding problem, String note) {}

  private ChartSources() {}

  static Outcome resolve(Resource hr, TreeObjects tree) {
    Map<String, Object> spec = hr.spec();
    Map<String, Object> chartRef = Yamls.map(spec.get("chartRef"));
    if (!chartRef.isEmpty()) {
      String kind = Yamls.string(chartRef.get("kind"));
      String ns = namespaceOr(chartRef, hr);
      String name = Yamls.string(chartRef.get("name"));
      Optional<Resource> src = tree.find(SOURCE_GROUP, kind, ns, name, hr);
      if (src.isEmpty()) {
        return missingSource(hr, "spec.chartRef", kind, ns, name);
      }
      return switch (kind) {
        case "OCIRepository" -> fromOciRepository(hr, src.get());
        case "HelmChart" -> fromChartSpec(hr, src.get().spec(), src.get(), "spec.chartRef", tree);
        default -> problem(hr, "spec.chartRef.kind", "chartRef kind " + kind + " is not one Flux supports", "Use OCIRepository or HelmChart.");
      };
    }
    Map<String, Object> chartSpec = Yamls.map(Yamls.at(spec, "chart", "spec"));
    if (chartSpec.isEmpty()) {
      return problem(hr, "spec", "the HelmRelease names no chart (neither spec.chart.spec nor spec.chartRef)", "Add spec.chart.spec or spec.chartRef.");
    }
    return fromChartSpec(hr, chartSpec, hr, "spec.chart.spec", tree);
  }

  /** A HelmRelease's spec.chart.spec or a HelmChart's spec: chart, version, sourceRef. */
  private static Outcome fromChartSpec(Resource hr, Map<String, Object> chartSpec, Resource owner, String at, TreeObjects tree) {
    Map<String, Object> sourceRef = Yamls.map(chartSpec.get("sourceRef"));
    String kind = Yamls.string(sourceRef.get("kind"));
    String ns = namespaceOr(sourceRef, owner);
    String name = Yamls.string(sourceRef.get("name"));
    String chart = Yamls.string(chartSpec.get("chart"));
    String version = Yamls.string(chartSpec.get("version"));
    version = version.isBlank() ? "*" : version;
    if (kind.equals("GitRepository") || kind.equals("Bucket")) {
      return new Outcome(null, null, "HelmRelease " + hr.ref() + ": chart " + chart + " from " + kind + " " + ns + "/" + name
          + " is not rendered (charts from Git and Bucket sources are not fetched); its objects are not checked");
    }
    if (!kind.equals("HelmRepository")) {
      return problem(hr, at + ".sourceRef.kind", "sourceRef kind '" + kind + "' is not one Flux supports for charts",
          "Use HelmRepository, GitRepository or Bucket.");
    }
    Optional<Resource> repo = tree.find(SOURCE_GROUP, kind, ns, name, hr);
    if (repo.isEmpty()) {
      return missingSource(hr, at + ".sourceRef.name", kind, ns, name);
    }
    String url = Yamls.string(repo.get().spec().get("url"));
    boolean oci = "oci".equals(repo.get().spec().get("type")) || url.startsWith("oci://");
    String source = "HelmRepository " + ns + "/" + name + " (" + url + ")";
    String versionPath = owner == hr ? at + ".version" : "spec.chartRef";
    if (oci) {
      String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      return checked(hr, new ChartRef(chart, version, false, "", base + "/" + chart, true, source, versionPath));
    }
    return checked(hr, new ChartRef(chart, version, false, "", url, false, source, versionPath));
  }

  private static Outcome fromOciRepository(Resource hr, Resource repo) {
    String url = Yamls.string(repo.spec().get("url"));
    if (!url.startsWith("oci://")) {
      return problem(hr, "spec.chartRef", "OCIRepository " + repo.ref() + " has url '" + url + "', not oci://...", "Give the OCIRepository an oci:// URL.");
    }
    Map<String, Object> ref = Yamls.map(repo.spec().get("ref"));
    String digest = Yamls.string(ref.get("digest"));
    String semver = Yamls.string(ref.get("semver"));
    String tag = Yamls.string(ref.get("tag"));
    String version = !semver.isEmpty() ? semver : !tag.isEmpty() ? tag : "latest";
    String name = url.substring(url.lastIndexOf('/') + 1);
    String source = "OCIRepository " + repo.ref().namespace() + "/" + repo.ref().name() + " (" + url + ")";
    return checked(hr, new ChartRef(name, version, semver.isEmpty(), digest, url, true, source, "spec.chartRef"));
  }

  /** A version that is neither exact nor a constraint fails in Flux wherever the chart comes from. */
  private static Outcome checked(Resource hr, ChartRef ref) {
    if (!ref.tag() && !ref.version().equals("*") && VersionConstraint.parse(ref.version()).isEmpty()) {
      return problem(hr, ref.path(), "chart version '" + ref.version() + "' is neither a version nor a version constraint Flux accepts",
          "Write a version (1.2.3) or a semver constraint (~1.2, >=1.2.0 <2.0.0).");
    }
    return new Outcome(ref, null, null);
  }

  private static String namespaceOr(Map<String, Object> ref, Resource owner) {
    String ns = Yamls.string(ref.get("namespace"));
    return ns.isEmpty() ? owner.ref().namespace() : ns;
  }

  private static Outcome missingSource(Resource hr, String path, String kind, String ns, String name) {
    return problem(hr, path, kind + " " + ns + "/" + name + " that the chart comes from is not in the tree, so Flux cannot fetch the chart",
        "Add the " + kind + " to the tree (next to the HelmRelease) or fix the name and namespace in the reference.");
  }

  private static Outcome problem(Resource hr, String path, String message, String fix) {
    return new Outcome(null, hr.finding(Rules.HELM_SOURCE, path, message, fix), null);
  }
}
