package dev.wharf.validate.policy;

import dev.wharf.validate.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What policies may look at besides the object itself: every object of the tree grouped by
 * render, the StorageClasses and tenant namespaces the tree defines, and the settings.
 */
public final class PolicyContext {
  private final Map<String, List<Resource>> byRender = new HashMap<>();
  private final Set<String> storageClasses = new HashSet<>();
  private final Set<String> tenantNamespaces = new HashSet<>();
  private final Map<String, List<Resource>> byKind = new HashMap<>();
  private final PolicySettings settings;

  public PolicyContext(List<Resource> all, PolicySettings settings) {
    this.settings = settings;
    storageClasses.addAll(settings.storageClasses());
    for (Resource r : all) {
      byRender.computeIfAbsent(r.render(), k -> new ArrayList<>()).add(r);
      byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
      if (r.kind().equals("StorageClass")) {
        storageClasses.add(r.ref().name());
      }
      if (isTenantNamespace(r)) {
        tenantNamespaces.add(r.ref().name());
      }
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

  /** App workloads: from a file under an apps/ directory, or in a tenant namespace. */
  public boolean isApp(Resource r) {
    String f = "/" + r.file();
    return f.contains("/apps/") || tenantNamespaces.contains(r.ref().namespace());
  }
}
