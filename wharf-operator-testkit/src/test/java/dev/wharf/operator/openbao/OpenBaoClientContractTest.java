package dev.wharf.operator.openbao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.operator.stub.OpenBaoStub;
import dev.wharf.operator.testing.OpenBaoBootstrap;
import dev.wharf.operator.testing.OperatorHarness;
import dev.wharf.provisioning.ServiceException;
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
    long v1 = client.writeKv("apps/team-a/kv", Map.of("MYSQL_PASSWORD", "s3cret"), 0);
    long v2 = client.writeKv("apps/team-a/kv", Map.of("MYSQL_PASSWORD", "n3w"), v1);
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
    client.writeKv("apps/team-a/login", Map.of("K", "v"), 0);
    client.writeKv("apps/team-a/other", Map.of("K", "w"), 0);
    java.nio.file.Path jwt = java.nio.file.Files.writeString(dir.resolve("token"), "sa:team-a:login\n");
    KubernetesLogin login = new KubernetesLogin(STUB.uri(), null, "kubernetes", "wharf-app", jwt, java.time.Clock.systemUTC());
    OpenBaoClient asApp = new OpenBaoClient(STUB.uri(), login, "wharf");
    assertThat(asApp.readKv("apps/team-a/login").orElseThrow().get("K")).isEqualTo("v");
    assertThatThrownBy(() -> asApp.readKv("apps/team-a/other"))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThat(login.toString()).doesNotContain(login.get());
  }

  @Test
  void wrongTokenIsRejectedWithoutLeakingIt() {
    OpenBaoClient wrong = new OpenBaoClient(STUB.uri(), () -> "not-the-token", "wharf");
    assertThatThrownBy(() -> wrong.readKv("apps/team-a/x"))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
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
          .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.unavailable()).isTrue());
    } finally {
      STUB.setUnavailable(false);
    }
  }

  @Test
  void pathTraversalIsRefusedBeforeAnyRequest() {
    int before = STUB.calls().size();
    assertThatThrownBy(() -> client.writeKv("apps/../sys", Map.of("a", "b"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a safe name");
    assertThat(STUB.calls()).hasSize(before);
  }

  @Test
  void aWriteExpectsTheVersionItReadAndAnotherWriterMakesItAConflict() {
    long v1 = client.writeKv("apps/team-a/cas", Map.of("K", "1"), 0);
    assertThatThrownBy(() -> client.writeKv("apps/team-a/cas", Map.of("K", "x"), 0)).as("0: only a new entry")
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.unavailable()).isFalse();
        }).hasMessageContaining("conflict").hasMessageContaining("read again").message().doesNotContain("x\"");
    long v2 = client.writeKv("apps/team-a/cas", Map.of("K", "2"), v1);
    assertThatThrownBy(() -> client.writeKv("apps/team-a/cas", Map.of("K", "3"), v1)).as("a stale version")
        .isInstanceOf(ServiceException.class).hasMessageContaining("changed since version " + v1);
    assertThat(client.readKv("apps/team-a/cas").orElseThrow()).satisfies(kv -> {
      assertThat(kv.version()).isEqualTo(v2);
      assertThat(kv.get("K")).isEqualTo("2");
    });
  }

  @Test
  void withCasRequiredOnTheMountAWriteWithoutItIsRefused() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    java.util.function.Function<String, java.net.http.HttpRequest> post = json -> java.net.http.HttpRequest.newBuilder(
            STUB.uri().resolve("/v1/wharf/data/apps/team-a/required"))
        .header("X-Vault-Token", "root-token").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
    http.send(java.net.http.HttpRequest.newBuilder(STUB.uri().resolve("/v1/wharf/config")).header("X-Vault-Token", "root-token")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"cas_required\": true}")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    try {
      var refused = http.send(post.apply("{\"data\": {\"K\": \"v\"}}"), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("check-and-set parameter required for this call");
      assertThat(client.writeKv("apps/team-a/required", Map.of("K", "v"), 0)).as("the client always sends cas").isEqualTo(1);
    } finally {
      http.send(java.net.http.HttpRequest.newBuilder(STUB.uri().resolve("/v1/wharf/config")).header("X-Vault-Token", "root-token")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"cas_required\": false}")).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
    }
  }

  @Test
  void aRefusedTokenIsDroppedAndTheRequestSentOnceMoreAfterANewLogin(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path jwt = java.nio.file.Files.writeString(dir.resolve("token"), "sa:wharf-system:wharf-operator\n");
    KubernetesLogin login = new KubernetesLogin(STUB.uri(), null, "kubernetes", "wharf-operator", jwt, java.time.Clock.systemUTC());
    OpenBaoClient asOperator = new OpenBaoClient(STUB.uri(), login, "wharf");
    long v1 = asOperator.writeKv("apps/team-a/relogin", Map.of("K", "v"), 0);
    int logins = STUB.logins();
    String first = login.get();

    STUB.revokeTokens();
    assertThat(asOperator.readKv("apps/team-a/relogin").orElseThrow().get("K")).isEqualTo("v");
    assertThat(asOperator.writeKv("apps/team-a/relogin", Map.of("K", "w"), v1)).isEqualTo(v1 + 1);
    assertThat(STUB.logins()).as("one new login").isEqualTo(logins + 1);
    assertThat(login.get()).isNotEqualTo(first);

    // A request the policy denies stays denied: one new login, one more try, then the 403.
    assertThatThrownBy(() -> asOperator.readKv("platform/mysql"))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(403));
  }
}
