package dev.wharf.operator.config;

import dev.wharf.core.DnsLabel;
import java.time.Duration;
import java.util.Optional;

/**
 * How one replica of the operator behaves among others and over time: when an App counts as
 * Stalled, whether it must hold the lease before it reconciles, and how long a stop waits for
 * reconciles under way. docs/operator.md lists the variables.
 *
 * @param stallAfter how long a failure that may pass by itself is retried before the App is Stalled
 * @param lease the Lease this replica must hold to reconcile (none: it reconciles at once, alone)
 * @param identity this replica's name in the lease and in events (the pod's name)
 * @param shutdownTimeout how long a stop waits for reconciles under way; shorter than the
 *     pod's terminationGracePeriodSeconds, so they end before the kubelet kills the process
 */
public record ReplicaConfig(Duration stallAfter, Optional<Lease> lease, String identity, Duration shutdownTimeout) {

  /** The Lease that elects the one replica that reconciles. */
  public record Lease(String namespace, String name) {}

  public static final String LEASE_NAME = "wharf-operator";

  /** One replica alone (no lease), with the default times: tests and tools that run the operator in-process. */
  public static ReplicaConfig standalone() {
    return new ReplicaConfig(Duration.ofMinutes(10), Optional.empty(), "wharf-operator", Duration.ofSeconds(20));
  }

  public static ReplicaConfig fromEnv(Settings s) {
    String identity = s.optional("POD_NAME").or(() -> s.optional("HOSTNAME")).orElse("wharf-operator");
    boolean elect = switch (s.get("WHARF_LEADER_ELECTION", "true")) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException("WHARF_LEADER_ELECTION must be true or false");
    };
    Optional<Lease> lease = elect
        ? Optional.of(new Lease(DnsLabel.require("WHARF_LEASE_NAMESPACE",
            s.optional("WHARF_LEASE_NAMESPACE").or(() -> s.optional("POD_NAMESPACE")).orElse("wharf-system")),
            LEASE_NAME))
        : Optional.empty();
    return new ReplicaConfig(OperatorConfig.duration(s, "WHARF_STALL_AFTER", "10m"), lease, identity,
        OperatorConfig.duration(s, "WHARF_SHUTDOWN_TIMEOUT", "20s"));
  }
}
