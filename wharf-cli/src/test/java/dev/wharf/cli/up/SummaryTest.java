package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void tableAlignsColumnsUnderTheirHeaders() {
    String table = Summary.table(List.of(
        new Summary.Row("Redis", "redis://127.0.0.1:16379", "running"),
        new Summary.Row("greeter", "http://127.0.0.1:18081/api/greetings", "ready")));
    List<String> lines = table.lines().toList();
    assertThat(lines).hasSize(3);
    int urlColumn = lines.get(0).indexOf("URL");
    assertThat(lines.get(1).indexOf("redis://")).isEqualTo(urlColumn);
    assertThat(lines.get(2).indexOf("http://")).isEqualTo(urlColumn);
    assertThat(lines.get(2).indexOf("ready")).isEqualTo(lines.get(0).indexOf("state"));
  }

  @Test
  void curlReadsSecretsFromTheirFilesAndNeverShowsThem() {
    var info = new LocalPlatform.Info("http://127.0.0.1:18080/realms/wharf/protocol/openid-connect/token",
        "team-a.greeter", Path.of("/home/u/.wharf/greeter.env"), "dev-a",
        Path.of("/home/u/.wharf/users/dev-a.password"), "http://127.0.0.1:18081");
    String shell = String.join("\n", Summary.curl(info));
    assertThat(shell)
        .contains("-u \"team-a.greeter:$(sed -n 's/^OIDC_CLIENT_SECRET=//p' /home/u/.wharf/greeter.env)\"")
        .contains("--data-urlencode password@/home/u/.wharf/users/dev-a.password")
        .contains("-d grant_type=password -d username=dev-a")
        .contains("http://127.0.0.1:18081/api/greetings");
  }
}
