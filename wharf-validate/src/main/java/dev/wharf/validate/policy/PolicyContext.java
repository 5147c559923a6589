package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.ObjectRef;
import dev.wharf.validate.Resource;
import dev.wharf.validate.helm.RenderedRelease;
import dev.wharf.validate.platform.Clusters;
import dev.wharf.validate.platform.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What policies may look at besides the object itself: every object of the tree grouped by
 * render, the StorageClasses, Namespaces and tenant namespaces the tree defines, what each
 * HelmRelease rendered, the clusters the tree's Platform document declares, and the settings.
 */
public final class PolicyContext {
  private final Map<String, List<Resource>> byRender = new HashMap<>();
  private final Set<String> storageClasses = new HashSet<>();
  private final Set<String> tenantNamespaces = new HashSet<>();
  private final Map<String, List<Resource>> byKind = new HashMap<>();
  private final Map<String, List<Resource>> namespaces = new HashMap<>();
  private final Map<String, RenderedRelease> releases = new HashMap<>();
  private final PolicySettings settings;
  private final Platform platform;
  private final Clusters clusters;

  public PolicyContext(List<Resource> all, PolicySettings settings) {
    this(all, settings, Map.of(), null);
  }

  /** {@code platform}: the tree's Platform document, null when it has none. */
  public PolicyContext(List<Resource> all, PolicySettings settings, Map<Resource, RenderedRelease> rendered, Platform platform) {
    this.settings = settings;
    this.platform = platform;
    this.clusters = platform == null ? null : new Clusters(platform, all);
    storageClasses.addAll(settings.storageClasses());
    for (Resource r : all) {
      byRender.computeIfAbsent(r.render(), k -> new ArrayList<>()).add(r);
      byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
      if (r.kind().equals("StorageClass")) {
        storageClasses.add(r.ref().name());
      }
      if (r.kind().equals("Namespace") && r.ref().apiVersion().equals("v1")) {
        namespaces.computeIfAbsent(r.ref().name(), k -> new ArrayList<>()).add(r);
      }
      if (isTenantNamespace(r)) {
        tenantNamespaces.add(r.ref().name());
      }
    }
    for (Map.Entry<Resource, RenderedRelease> e : rendered.entrySet()) {
      releases.put(key(e.getKey().file(), e.getKey().render(), e.getKey().ref()), e.getValue());
    }
  }

  public PolicySettings settings() {
    return settings;
  }

  public boolean isTenantNamespace(Resource r) {
    if (!r.kind().equals("Namespace")) {
      return false;
    }
    Map<String, Object> labels = r.labels();
    return settings.tenantLabels().stream().anyMatch(labels::containsKey);
  }

  public Set<String> storageClasses() {
    return storageClasses;
  }

  public Set<String> tenantNamespaces() {
    return tenantNamespaces;
  }

  public List<Resource> sameRender(Resource r) {
    return byRender.getOrDefault(r.render(), List.of());
  }

  public List<Resource> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** The Namespace object called {@code name}: the one rendered with {@code near} first, else any in the tree. */
  public Optional<Resource> namespace(String name, Resource near) {
    List<Resource> found = namespaces.getOrDefault(name, List.of());
    return found.stream().filter(n -> n.render().equals(near.render())).findFirst().or(() -> found.stream().findFirst());
  }

  /** What HelmRelease {@code hr} rendered, when it is one that was rendered. */
  public Optional<RenderedRelease> release(Resource hr) {
    return Optional.ofNullable(releases.get(key(hr.file(), hr.render(), hr.ref())));
  }

  /** The release that rendered {@code r}, for a chart-rendered object. */
  public Optional<RenderedRelease> renderedBy(Resource r) {
    return r.origin() == null ? Optional.empty() : Optional.ofNullable(releases.get(key(r.file(), r.render(), r.origin().release())));
  }

  /**
   * The registries {@code r}'s images may come from, and where that is said: the command line's
   * for every object; else those of every cluster that applies {@code r}'s render (all clusters
   * of the Platform document when none does); else the default platform registry.
   */
  public Registries registries(Resource r) {
    if (!settings.registries().isEmpty()) {
      return new Registries(settings.registries(), "the platform registry (--registry)");
    }
    if (platform == null) {
      return new Registries(List.of(PolicySettings.DEFAULT_REGISTRY), "the platform registry");
    }
    Set<String> names = clusters.of(r.render());
    if (names.isEmpty()) {
      return new Registries(platform.allRegistries(), "a registry of the clusters in " + platform.file());
    }
    Set<String> allowed = null;
    for (Platform.Cluster c : platform.clusters()) {
      if (names.contains(c.name())) {
        if (allowed == null) {
          allowed = new LinkedHashSet<>(c.registries());
        } else {
          allowed.retainAll(c.registries());
        }
      }
    }
    return new Registries(List.copyOf(allowed), "the registry of cluster " + String.join(" and ", names) + " (" + platform.file() + ")");
  }

  /** What is wrong with the Platform document's clusters (a path that leads nowhere). */
  public List<Finding> platformProblems() {
    return clusters == null ? List.of() : clusters.problems();
  }

  /** Registries an image may come from, and whose they are, for messages. */
  public record Registries(List<String> hosts, String whose) {}

  /** App workloads: from a file under an apps/ directory, or in a tenant namespace. */
  public boolean isApp(Resource r) {
    String f = "/" + r.file();
    return f.contains("/apps/") || tenantNamespaces.contains(r.ref().namespace());
  }

  private static String key(String file, String render, ObjectRef ref) {
    return file + "\u0000" + render + "\u0000" + ref;
  }
}
