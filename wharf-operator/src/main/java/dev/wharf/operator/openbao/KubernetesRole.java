package dev.wharf.operator.openbao;

import java.util.List;

/** A role of OpenBao's Kubernetes auth method: who may log in and which policies they get. */
public record KubernetesRole(List<String> serviceAccountNames, List<String> serviceAccountNamespaces,
                             List<String> policies, String audience, long tokenTtlSeconds) {
  public KubernetesRole {
    serviceAccountNames = List.copyOf(serviceAccountNames);
    serviceAccountNamespaces = List.copyOf(serviceAccountNamespaces);
    policies = List.copyOf(policies);
  }
}
