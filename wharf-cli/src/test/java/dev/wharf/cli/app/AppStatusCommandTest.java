package dev.wharf.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.cli.WharfCli;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * 'wharf app status' in-process against fabric8's mock API server, holding the objects a
 * cluster holds in each state: ready, refused, rolling out, canary failed.
 */
class AppStatusCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private KubernetesMockServer server;
  private KubernetesClient kube;
  private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startServer() throws Exception {
    Logger.getLogger("io.fabric8.mockwebserver.MockWebServer").setLevel(Level.WARNING);
    server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
        new KubernetesMixedDispatcher(expectations), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    kube = server.createClient();
    kube.configMaps().inNamespace("kube-public").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("wharf-platform").endMetadata()
        .withData(Map.of("grafanaUrl", "https://grafana.wharf.example.com", "harborUrl", "https://harbor.wharf.example.com"))
        .build()).create();
  }

  @AfterEach
  void stopServer() {
    kube.close();
    server.destroy();
  }

  @Test
  void aReadyAppExitsZeroWithItsPartsAndLinks() throws Exception {
    readyApp();
    int code = run("app", "status", "greeter", "-n", "team-a", "--kubeconfig", kubeconfig(null).toString());

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .contains("App team-a/greeter")
        .containsPattern("App +greeter +Ready +Ready")
        .containsPattern("MySqlReady +True +Provisioned +database team-a.greeter")
        .containsPattern("Kustomization +apps-team-a +Ready +revision main@sha1:4f2e1c0 applied")
        .containsPattern("Deployment +greeter +Ready +2/2 available")
        .containsPattern("Secret +greeter-platform +Ready +synced from OpenBao at 2026-12-05T10:00:00Z")
        .contains("Dashboard      https://grafana.wharf.example.com/d/wharf-team-a-greeter")
        .contains("Harbor         https://harbor.wharf.example.com/harbor/projects?name=team-a")
        .endsWith("status: ready\n");
  }

  @Test
  void aRefusedAppExitsOneAndSaysWhy() throws Exception {
    readyApp();
    App app = app(false, "InvalidSpec", "spec.redis.keyPrefix \"ab\" is shorter than 3 characters: use at least 3");
    kube.resource(app).update();
    int code = run("app", "status", "greeter", "-n", "team-a", "--kubeconfig", kubeconfig(null).toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .containsPattern("App +greeter +NotReady +InvalidSpec: spec.redis.keyPrefix \"ab\" is shorter than 3")
        .contains("status: not ready (App greeter)");
  }

  @Test
  void aRolloutInProgressIsNotReadyYet() throws Exception {
    readyApp();
    kube.apps().deployments().inNamespace("team-a").resource(deployment("greeter", 3, 1, 2)).update();
    int code = run("app", "status", "greeter", "-n", "team-a", "--kubeconfig", kubeconfig(null).toString(), "-o", "json");

    assertThat(code).isEqualTo(1);
    JsonNode doc = JSON.readTree(out.toString());
    assertThat(doc.path("ready").asBoolean()).isFalse();
    JsonNode deployment = part(doc, "Deployment");
    assertThat(deployment.path("state").asText()).isEqualTo("not-ready");
    assertThat(deployment.path("summary").asText()).isEqualTo("rolling out: 1 of 3 updated");
    assertThat(part(doc, "App").path("state").asText()).isEqualTo("ready");
  }

  @Test
  void aFailedCanarySaysThePrimaryKeepsServing() throws Exception {
    readyApp();
    kube.apps().deployments().inNamespace("team-a").resource(deployment("greeter-primary", 2, 2, 2)).create();
    kube.genericKubernetesResources(StatusReader.CANARY).inNamespace("team-a").resource(canary("Failed",
        "Canary analysis failed, Deployment scaled to zero.")).create();
    int code = run("app", "status", "greeter", "-n", "team-a", "--kubeconfig", kubeconfig(null).toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .containsPattern("Canary +greeter +NotReady +Failed: the analysis failed and the new version was rolled back;"
            + " the primary keeps serving the last good version \\(Canary analysis failed, Deployment scaled to zero.\\)")
        .containsPattern("Deployment +greeter-primary +Ready +2/2 available")
        .contains("status: not ready (Canary greeter)");
  }

  @Test
  void aPromotedCanaryIsReady() throws Exception {
    readyApp();
    kube.apps().deployments().inNamespace("team-a").resource(deployment("greeter-primary", 2, 2, 2)).create();
    kube.genericKubernetesResources(StatusReader.CANARY).inNamespace("team-a").resource(canary("Succeeded",
        "Canary analysis completed successfully, promotion finished.")).create();

    assertThat(run("app", "status", "greeter", "-n", "team-a", "--kubeconfig", kubeconfig(null).toString()))
        .as(out.toString()).isZero();
  }

  @Test
  void theNamespaceComesFromTheContextOrMustBeGiven() throws Exception {
    readyApp();
    assertThat(run("app", "status", "greeter", "--kubeconfig", kubeconfig("team-a").toString())).isZero();

    assertThat(run("app", "status", "greeter", "--kubeconfig", kubeconfig(null).toString())).isEqualTo(2);
    assertThat(err.toString()).contains("which namespace is the App in? Say it with -n");
  }

  @Test
  void aMissingAppSaysHowToFindIt() throws Exception {
    int code = run("app", "status", "nope", "-n", "team-a", "--kubeconfig", kubeconfig(null).toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("there is no App nope in namespace team-a: check the name and the namespace"
        + " (kubectl get apps -n team-a)");
  }

  @Test
  void anExpiredSignInPointsToWharfLogin() throws Exception {
    server.expect().get().withPath("/apis/platform.wharf.dev/v1alpha1/namespaces/team-a/apps/greeter")
        .andReturn(401, Map.of("kind", "Status", "code", 401, "message", "Unauthorized")).always();
    int code = run("app", "status", "greeter", "-n", "team-a", "--kubeconfig", kubeconfig(null).toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("did not accept your sign-in (HTTP 401)").contains("run 'wharf login'");
  }

  @Test
  void anUnreachableClusterSaysSo() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Path config = write("unreachable", "http://127.0.0.1:" + closed, null);
    int code = run("app", "status", "greeter", "-n", "team-a", "--kubeconfig", config.toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach the cluster at http://127.0.0.1:" + closed)
        .contains("check your network or VPN");
  }

  @Test
  void aBadOutputFormatIsAUsageError() throws Exception {
    assertThat(run("app", "status", "greeter", "-o", "yaml", "--kubeconfig", kubeconfig(null).toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid value for option '--output'");
  }

  private void readyApp() {
    kube.resource(app(true, "Provisioned", "all capabilities are ready")).create();
    kube.genericKubernetesResources(StatusReader.KUSTOMIZATION).inNamespace("flux-system").resource(
        generic(StatusReader.KUSTOMIZATION, "flux-system", "apps-team-a", Map.of(
            "lastAppliedRevision", "main@sha1:4f2e1c0",
            "conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "ReconciliationSucceeded",
                "message", "Applied revision: main@sha1:4f2e1c0"))))).create();
    kube.apps().deployments().inNamespace("team-a").resource(deployment("greeter", 2, 2, 2)).create();
    kube.genericKubernetesResources(StatusReader.EXTERNAL_SECRET).inNamespace("team-a").resource(
        generic(StatusReader.EXTERNAL_SECRET, "team-a", "greeter-platform", Map.of(
            "refreshTime", "2026-12-05T10:00:00Z",
            "conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "SecretSynced",
                "message", "secret synced"))))).create();
    kube.configMaps().inNamespace("team-a").resource(new ConfigMapBuilder().withNewMetadata().withName("greeter-dashboard")
        .endMetadata().withData(Map.of("team-a-greeter.json", "{\"uid\":\"wharf-team-a-greeter\",\"title\":\"team-a / greeter\"}"))
        .build()).create();
  }

  private static App app(boolean ready, String reason, String message) {
    AppSpec spec = new AppSpec();
    spec.setTeam("team-a");
    App app = new App("team-a", "greeter", spec);
    app.getMetadata().setGeneration(1L);
    AppStatus status = new AppStatus();
    status.setObservedGeneration(1L);
    Instant now = Instant.parse("2026-12-05T10:00:00Z");
    status.setCondition(AppStatus.MYSQL_READY, true, "Provisioned", "database team-a.greeter and user team-a.greeter are ready", 1L, now);
    status.setCondition(AppStatus.READY, ready, reason, message, 1L, now);
    app.setStatus(status);
    return app;
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment deployment(String name, int wanted, int updated, int available) {
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace("team-a").withGeneration(2L).endMetadata()
        .withNewSpec().withReplicas(wanted).endSpec()
        .withNewStatus().withObservedGeneration(2L).withReplicas(Math.max(wanted, updated)).withUpdatedReplicas(updated)
        .withAvailableReplicas(available).withReadyReplicas(available).endStatus()
        .build();
  }

  private static GenericKubernetesResource canary(String phase, String message) {
    return generic(StatusReader.CANARY, "team-a", "greeter", Map.of("phase", phase, "canaryWeight", 0,
        "conditions", List.of(Map.of("type", "Promoted", "status", "Failed".equals(phase) ? "False" : "True",
            "reason", phase, "message", message))));
  }

  private static GenericKubernetesResource generic(ResourceDefinitionContext type, String namespace, String name,
      Map<String, Object> status) {
    GenericKubernetesResource r = new GenericKubernetesResourceBuilder()
        .withApiVersion(type.getGroup() + "/" + type.getVersion()).withKind(type.getKind())
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build();
    r.setAdditionalProperty("status", status);
    return r;
  }

  private static JsonNode part(JsonNode doc, String kind) {
    for (JsonNode p : doc.path("parts")) {
      if (kind.equals(p.path("kind").asText())) {
        return p;
      }
    }
    throw new AssertionError("no part " + kind + " in " + doc);
  }

  private Path kubeconfig(String namespace) throws Exception {
    return write("kubeconfig-" + namespace, kube.getConfiguration().getMasterUrl(), namespace);
  }

  private Path write(String file, String serverUrl, String namespace) throws Exception {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
          - name: wharf
            cluster: {server: "%s"}
        users:
          - name: dev-a
            user: {token: not-a-real-token}
        contexts:
          - name: wharf
            context: {cluster: wharf, user: dev-a%s}
        current-context: wharf
        """.formatted(serverUrl, namespace == null ? "" : ", namespace: " + namespace);
    return Files.writeString(dir.resolve(file), yaml);
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = WharfCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
