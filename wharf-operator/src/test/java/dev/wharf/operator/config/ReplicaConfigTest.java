package dev.wharf.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaConfigTest {
  @Test
  void inAPodItElectsOnALeaseInItsNamespaceUnderItsPodName() {
    ReplicaConfig c = ReplicaConfig.fromEnv(new Settings(Map.of("POD_NAME", "wharf-operator-7d9-x2", "POD_NAMESPACE",
        "wharf-system", "HOSTNAME", "ignored")));
    assertThat(c.identity()).isEqualTo("wharf-operator-7d9-x2");
    assertThat(c.lease()).contains(new ReplicaConfig.Lease("wharf-system", "wharf-operator"));
    assertThat(c.stallAfter()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.shutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void settingsOverrideTheDefaults() {
    ReplicaConfig c = ReplicaConfig.fromEnv(new Settings(Map.of("HOSTNAME", "op-1", "WHARF_LEADER_ELECTION", "false",
        "WHARF_STALL_AFTER", "30m", "WHARF_SHUTDOWN_TIMEOUT", "45s")));
    assertThat(c.identity()).isEqualTo("op-1");
    assertThat(c.lease()).isEmpty();
    assertThat(c.stallAfter()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.shutdownTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(ReplicaConfig.fromEnv(new Settings(Map.of("WHARF_LEASE_NAMESPACE", "ops"))).lease())
        .contains(new ReplicaConfig.Lease("ops", "wharf-operator"));
  }

  @Test
  void badValuesSayWhatIsExpected() {
    assertThatThrownBy(() -> ReplicaConfig.fromEnv(new Settings(Map.of("WHARF_LEADER_ELECTION", "yes"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("true or false");
    assertThatThrownBy(() -> ReplicaConfig.fromEnv(new Settings(Map.of("WHARF_STALL_AFTER", "soon"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("WHARF_STALL_AFTER");
  }
}
