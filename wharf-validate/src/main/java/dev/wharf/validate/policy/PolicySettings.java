package dev.wharf.validate.policy;

import java.util.List;
import java.util.Set;

/**
 * Settings of the policies: the registries apps must pull from when given on the command line
 * (empty: as the tree's Platform document says per cluster, else {@link #DEFAULT_REGISTRY}), the StorageClasses
 * known without being defined in the tree, the labels that mark a tenant Namespace, and the
 * cluster's Pod Security admission defaults: the level a namespace without an enforce label
 * gets, and the namespaces it exempts.
 */
public record PolicySettings(List<String> registries, Set<String> storageClasses, List<String> tenantLabels, String podSecurityDefault,
    Set<String> podSecurityExemptNamespaces) {
  public static final String DEFAULT_REGISTRY = "harbor.wharf.example.com";
  public static final Set<String> DEFAULT_STORAGE_CLASSES = Set.of("nas", "san");
  public static final List<String> DEFAULT_TENANT_LABELS = List.of("wharf.dev/tenant", "toolkit.fluxcd.io/tenant");
  /** Talos configures Pod Security admission to enforce baseline by default and exempts kube-system. */
  public static final String DEFAULT_POD_SECURITY = "baseline";
  public static final Set<String> DEFAULT_POD_SECURITY_EXEMPT = Set.of("kube-system");

  public static PolicySettings defaults() {
    return new PolicySettings(List.of(), DEFAULT_STORAGE_CLASSES, DEFAULT_TENANT_LABELS, DEFAULT_POD_SECURITY, DEFAULT_POD_SECURITY_EXEMPT);
  }
}
