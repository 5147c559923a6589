package dev.wharf.validate.policy;

import java.util.List;
import java.util.Set;

/**
 * Settings of the policies: the platform registry apps must pull from, the StorageClasses
 * known without being defined in the tree, and the labels that mark a tenant Namespace.
 */
public record PolicySettings(String registry, Set<String> storageClasses, List<String> tenantLabels) {
  public static final String DEFAULT_REGISTRY = "harbor.wharf.example.com";
  public static final Set<String> DEFAULT_STORAGE_CLASSES = Set.of("nas", "san");
  public static final List<String> DEFAULT_TENANT_LABELS = List.of("wharf.dev/tenant", "toolkit.fluxcd.io/tenant");

  public static PolicySettings defaults() {
    return new PolicySettings(DEFAULT_REGISTRY, DEFAULT_STORAGE_CLASSES, DEFAULT_TENANT_LABELS);
  }
}
