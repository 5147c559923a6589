package dev.wharf.operator.openbao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.operator.http.ExternalServiceException;
import dev.wharf.operator.stub.OpenBaoStub;
import dev.wharf.operator.testing.OpenBaoBootstrap;
import dev.wharf.operator.testing.OperatorHarness;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Contract test: the OpenBao client against a stub that follows OpenBao's documented API. */
class OpenBaoClientContractTest {
  static final OpenBaoStub STUB = new OpenBaoStub("root-token", "wharf", ns -> Map.of("wharf.dev/tenant", "true"));
  final OpenBaoClient client = new OpenBaoClient(STUB.uri(), () -> "root-token", "wharf");

  static {
    OpenBaoBootstrap.apply(STUB, "root-token", OperatorHarness.locate("gitops/services/openbao/bootstrap"));
  }

  @AfterAll
  static void stop() {
    STUB.close();
  }

  @Test
  void kvV2RoundTripAndDelete() {
    assertThat(client.readKv("apps/team-a/kv")).isEmpty();
    long v1 = client.writeKv("apps/team-a/kv", Map.of("MYSQL_PASSWORD", "s3cret"));
    long v2 = client.writeKv("apps/team-a/kv", Map.of("MYSQL_PASSWORD", "n3w"));
    assertThat(v2).isEqualTo(v1 + 1);
    KvSecret read = client.readKv("apps/team-a/kv").orElseThrow();
    assertThat(read.get("MYSQL_PASSWORD")).isEqualTo("n3w");
    assertThat(read.version()).isEqualTo(v2);
    assertThat(read.toString()).doesNotContain("n3w");
    assertThat(STUB.calls()).anyMatch(c -> c.method().equals("POST") && c.path().equals("/v1/wharf/data/apps/team-a/kv"));

    client.deleteKv("apps/team-a/kv");
    assertThat(STUB.calls()).anyMatch(c -> c.method().equals("DELETE") && c.path().equals("/v1/wharf/metadata/apps/team-a/kv"));
    assertThat(client.readKv("apps/team-a/kv")).isEmpty();
  }

  @Test
  void kubernetesLoginGivesATokenThatReadsOnlyItsOwnEntry(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    client.writeKv("apps/team-a/login", Map.of("K", "v"));
    client.writeKv("apps/team-a/other", Map.of("K", "w"));
    java.nio.file.Path jwt = java.nio.file.Files.writeString(dir.resolve("token"), "sa:team-a:login\n");
    KubernetesLogin login = new KubernetesLogin(STUB.uri(), null, "kubernetes", "wharf-app", jwt, java.time.Clock.systemUTC());
    OpenBaoClient asApp = new OpenBaoClient(STUB.uri(), login, "wharf");
    assertThat(asApp.readKv("apps/team-a/login").orElseThrow().get("K")).isEqualTo("v");
    assertThatThrownBy(() -> asApp.readKv("apps/team-a/other"))
        .isInstanceOfSatisfying(ExternalServiceException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThat(login.toString()).doesNotContain(login.get());
  }

  @Test
  void wrongTokenIsRejectedWithoutLeakingIt() {
    OpenBaoClient wrong = new OpenBaoClient(STUB.uri(), () -> "not-the-token", "wharf");
    assertThatThrownBy(() -> wrong.readKv("apps/team-a/x"))
        .isInstanceOfSatisfying(ExternalServiceException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.unavailable()).isFalse();
        })
        .message().doesNotContain("not-the-token");
  }

  @Test
  void sealedServerIsUnavailable() {
    STUB.setUnavailable(true);
    try {
      assertThatThrownBy(() -> client.readKv("apps/team-a/anything"))
          .isInstanceOfSatisfying(ExternalServiceException.class, e -> assertThat(e.unavailable()).isTrue());
    } finally {
      STUB.setUnavailable(false);
    }
  }

  @Test
  void pathTraversalIsRefusedBeforeAnyRequest() {
    int before = STUB.calls().size();
    assertThatThrownBy(() -> client.writeKv("apps/../sys", Map.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a safe name");
    assertThat(STUB.calls()).hasSize(before);
  }
}
