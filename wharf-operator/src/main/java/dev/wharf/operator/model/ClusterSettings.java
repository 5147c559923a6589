package dev.wharf.operator.model;

import dev.wharf.provisioning.mysql.MySqlProvisioner;
import java.util.List;

/**
 * What the operator needs to know about the platform beyond its own accounts: where OpenBao is
 * for External Secrets (and the ConfigMap with the CA of its certificate, empty for none), the
 * Kubernetes-auth role all apps log in with, the registry host, where the shared services run
 * for egress rules, and how many MySQL sessions an app may hold.
 */
public record ClusterSettings(String openBaoUrl, String openBaoCaConfigMap, String kvMount, String kubernetesAuthMount,
                              String appRole, String registryHost, List<EgressTarget> egress, String secretRefreshInterval,
                              MySqlConnections mysqlConnections) {

  /**
   * The MySQL sessions one app's user may hold at once: {@code byDefault} when its spec names
   * none, never more than {@code max} (a spec above it is refused), so that no app can take
   * the shared server's connections from the others.
   */
  public record MySqlConnections(int byDefault, int max) {
    public MySqlConnections {
      if (byDefault < 1 || byDefault > max) {
        throw new IllegalArgumentException("the default MySQL connections of an app (" + byDefault
            + ") must be from 1 to the maximum (" + max + ")");
      }
    }

    /** The limit for an app whose spec says {@code spec} (null: not set). */
    public int forApp(Integer spec) {
      return spec == null ? byDefault : spec;
    }
  }

  /** Pods in {@code namespace} (optionally only those with {@code podLabels}) on these TCP ports. */
  public record EgressTarget(String name, String namespace, java.util.Map<String, String> podLabels, List<Integer> tcpPorts) {}

  public ClusterSettings {
    egress = List.copyOf(egress);
  }

  /** The platform's usual layout (see docs/operator.md). */
  public static ClusterSettings defaults() {
    // wharf-internal-ca: the ConfigMap trust-manager puts in every namespace (key ca.crt).
    // wharf-app: the role gitops/services/openbao/bootstrap writes for every app's ServiceAccount.
    return new ClusterSettings("https://openbao.openbao.svc:8200", "wharf-internal-ca", "wharf", "kubernetes",
        "wharf-app", "harbor.wharf.example.com", List.of(
            // 6446: MySQL Router's port behind mysql.mysql.svc:3306 (policies see the pod port).
            new EgressTarget("mysql", "mysql", java.util.Map.of(), List.of(3306, 6446)),
            new EgressTarget("redis", "redis", java.util.Map.of(), List.of(6379)),
            new EgressTarget("keycloak", "keycloak", java.util.Map.of(), List.of(8080, 8443)),
            // The public issuer (JWKS, discovery) is reached through the gateway.
            new EgressTarget("keycloak-public", "envoy-gateway-system", java.util.Map.of(), List.of(443, 10443))),
        "1h", new MySqlConnections(MySqlProvisioner.DEFAULT_MAX_CONNECTIONS, 100));
  }
}
