package dev.wharf.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.operator.harbor.HarborClient;
import dev.wharf.operator.model.ClusterSettings;
import dev.wharf.operator.openbao.OpenBaoClient;
import dev.wharf.operator.reconcile.KeycloakOidcClients;
import dev.wharf.operator.testing.OperatorHarness;
import dev.wharf.provisioning.Secret;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.KeycloakServer;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.mysql.MySqlServer;
import dev.wharf.provisioning.redis.RedisProvisioner;
import dev.wharf.provisioning.redis.RedisServer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * /readyz and /healthz follow the operator: not ready until its informers have synced, live
 * while they run, and no longer live when they stop (the API server went away).
 */
class OperatorHealthIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void readyOnlyOnceSyncedAndLiveOnlyWhileTheInformersRun() throws Exception {
    KubernetesMockServer api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    api.init(InetAddress.getByName("127.0.0.1"), 0);
    var kube = api.createClient();
    try (var in = Files.newInputStream(OperatorHarness.locate("gitops/services/wharf-operator/crd/apps.platform.wharf.dev-v1.yml"))) {
      kube.apiextensions().v1().customResourceDefinitions().resource(Serialization.unmarshal(in, CustomResourceDefinition.class)).create();
    }
    WharfOperator operator = new WharfOperator(kube, unreachableBackends(),
        new WharfOperator.Options(Set.of("team-a"), ClusterSettings.defaults(), Duration.ofMinutes(5),
            Duration.ofSeconds(1), Duration.ofSeconds(5)), o -> { });
    try (HttpEndpoints http = new HttpEndpoints(0, operator::live, operator::ready, () -> "")) {
      assertThat(get(http, "/readyz")).as("not ready before the start").isEqualTo(503);
      assertThat(get(http, "/healthz")).as("live while starting").isEqualTo(200);

      operator.start();
      assertThat(get(http, "/readyz")).isEqualTo(200);
      assertThat(get(http, "/healthz")).isEqualTo(200);

      api.destroy(); // the informer loses its watch
      await().atMost(Duration.ofSeconds(30)).until(() -> get(http, "/healthz") == 503);
      assertThat(get(http, "/readyz")).isEqualTo(503);
    } finally {
      operator.close();
      kube.close();
      api.destroy();
    }
  }

  static int get(HttpEndpoints http, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Clients of servers that are not there: nothing is reconciled here. */
  static Backends unreachableBackends() {
    Writes writes = new Writes();
    URI nowhere = URI.create("http://127.0.0.1:1");
    return new Backends(new MySqlProvisioner(new MySqlServer("127.0.0.1", 1, "root", Secret.of("x")), writes),
        new RedisProvisioner(new RedisServer("127.0.0.1", 1, "admin", Secret.of("x")), writes),
        new KeycloakOidcClients(new KeycloakProvisioner(new KeycloakServer(nowhere.toString(), "admin", Secret.of("x")), writes),
            "https://issuer.example"),
        new OpenBaoClient(nowhere, () -> "x", "wharf"), new HarborClient(nowhere, "admin", () -> "x"), writes);
  }
}
