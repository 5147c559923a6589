package dev.wharf.operator;

import dev.wharf.operator.config.ReplicaConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's part in the election of the one replica that reconciles (JOSDK's leader
 * election on a coordination.k8s.io Lease). A standby replica runs its informers (so it is
 * ready and takes over with a warm cache) but reconciles nothing until it holds the lease. A
 * leader that loses the lease without being asked to stop exits (code 1), as JOSDK does by
 * default: the kubelet restarts it as a standby, and two replicas never go on reconciling side
 * by side. A replica asked to stop finishes its reconciles, then gives the lease up at once
 * (JOSDK keeps it until it expires), so the other replica takes over within its retry period.
 */
final class LeaseHolder {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseHolder.class);

  private final ReplicaConfig.Lease lease;
  private final String identity;
  private volatile boolean leading;
  private volatile boolean stopping;

  LeaseHolder(ReplicaConfig.Lease lease, String identity) {
    this.lease = lease;
    this.identity = identity;
  }

  /** JOSDK's configuration: this lease, this identity, and the callbacks above. */
  LeaderElectionConfiguration configuration() {
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(lease.name())
        .withLeaseNamespace(lease.namespace()).withIdentity(identity)
        .withExitOnStopLeading(false) // exits below unless the stop was asked for
        .withLeaderCallbacks(new LeaderCallbacks(this::startedLeading, this::stoppedLeading,
            leader -> LOG.info("lease {}/{} is held by {}", lease.namespace(), lease.name(), leader)))
        .build();
  }

  boolean leading() {
    return leading;
  }

  private void startedLeading() {
    leading = true;
    LOG.info("{} holds lease {}/{}: reconciling", identity, lease.namespace(), lease.name());
  }

  private void stoppedLeading() {
    leading = false;
    if (!stopping) {
      LOG.error("{} lost lease {}/{} without being stopped: exiting so that only one replica reconciles",
          identity, lease.namespace(), lease.name());
      new Thread(() -> System.exit(1), "wharf-operator-lost-lease").start();
    }
  }

  /** Called before the operator stops: losing the lease from now on is expected. */
  void stopping() {
    stopping = true;
  }

  /**
   * Gives the lease up if this replica holds it: holder emptied and a one-second duration, as
   * client-go and fabric8 release a lease, so the standby acquires it at its next try.
   */
  void release(KubernetesClient client) {
    LeaseLock lock = new LeaseLock(lease.namespace(), lease.name(), identity);
    try {
      LeaderElectionRecord held = lock.get(client);
      if (held == null || !identity.equals(held.getHolderIdentity())) {
        return;
      }
      ZonedDateTime now = ZonedDateTime.now();
      lock.update(client, new LeaderElectionRecord("", Duration.ofSeconds(1), now, now, held.getLeaderTransitions()));
      LOG.info("{} released lease {}/{}", identity, lease.namespace(), lease.name());
    } catch (KubernetesClientException e) {
      LOG.warn("lease {}/{} not released (it expires by itself): Kubernetes API answered {}", lease.namespace(),
          lease.name(), e.getCode());
    }
  }
}
