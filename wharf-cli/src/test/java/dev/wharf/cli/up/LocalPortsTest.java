package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.cli.UserError;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LocalPortsTest {

  @Test
  void anInvalidPortNamesItsOption() {
    assertThatThrownBy(() -> new LocalPorts(13306, 70000, 18080, 18081))
        .isInstanceOf(UserError.class).hasMessageContaining("--redis-port 70000");
  }

  @Test
  void aPortInUseIsReportedWithWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> LocalPorts.claim("greeter", taken.getLocalPort()))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("in use")
          .hasMessageContaining("wharf down");
    }
  }

  @Test
  void zeroPicksAFreePort() {
    assertThat(LocalPorts.claim("greeter", 0)).isPositive();
  }
}
