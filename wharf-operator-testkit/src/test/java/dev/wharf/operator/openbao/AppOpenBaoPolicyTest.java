package dev.wharf.operator.openbao;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.operator.stub.OpenBaoStub;
import dev.wharf.operator.testing.OpenBaoBootstrap;
import dev.wharf.operator.testing.OperatorHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The one policy and role all apps share (gitops/services/openbao/bootstrap: wharf-app.hcl and
 * the role bootstrap.sh writes), on a stub set up as that script sets up OpenBao and enforcing
 * them as OpenBao does: templating from the login's alias metadata, the namespace selector.
 */
class AppOpenBaoPolicyTest {
  static final String ROOT = "root";
  static final Map<String, Map<String, String>> NAMESPACES = Map.of(
      "team-a", Map.of("wharf.dev/tenant", "true"), "team-ab", Map.of("wharf.dev/tenant", "true"),
      "team-b", Map.of("wharf.dev/tenant", "true"), "kube-system", Map.of());
  static final OpenBaoStub OPENBAO = new OpenBaoStub(ROOT, "wharf", ns -> NAMESPACES.getOrDefault(ns, Map.of()));
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static {
    OpenBaoBootstrap.apply(OPENBAO, ROOT, OperatorHarness.locate("gitops/services/openbao/bootstrap"));
    // Names chosen so that a glob or prefix rule would leak: greeter vs greeter2, a namespace
    // that is a prefix of another, and the names that once shared a role (team-a/x, team/a-x).
    for (String path : List.of("team-a/greeter", "team-a/greeter2", "team-ab/greeter", "team-b/greeter")) {
      status("POST", "wharf/data/apps/" + path, ROOT, "{\"data\":{\"K\":\"" + path + "\"}}");
    }
  }

  @AfterAll
  static void stop() {
    OPENBAO.close();
  }

  static int status(String method, String path, String token, String body) {
    try {
      var request = HttpRequest.newBuilder(URI.create(OPENBAO.uri() + "/v1/" + path)).header("X-Vault-Token", token)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token of a login as {@code <namespace>/<service account>} with role wharf-app, or null when refused. */
  static String login(String namespace, String serviceAccount) throws Exception {
    var response = HTTP.send(HttpRequest.newBuilder(URI.create(OPENBAO.uri() + "/v1/auth/kubernetes/login"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"wharf-app\",\"jwt\":\"sa:" + namespace + ":" + serviceAccount + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200
        ? new ObjectMapper().readTree(response.body()).at("/auth/client_token").asText() : null;
  }

  @Test
  void eachServiceAccountReadsItsOwnEntryAndNothingElse() throws Exception {
    List<String> apps = List.of("team-a/greeter", "team-a/greeter2", "team-ab/greeter", "team-b/greeter");
    for (String reader : apps) {
      String token = login(reader.split("/")[0], reader.split("/")[1]);
      for (String target : apps) {
        assertThat(status("GET", "wharf/data/apps/" + target, token, null)).as("%s reading %s", reader, target)
            .isEqualTo(reader.equals(target) ? 200 : 403);
        assertThat(status("GET", "wharf/metadata/apps/" + target, token, null)).as("%s listing %s", reader, target)
            .isEqualTo(403);
      }
      assertThat(status("GET", "wharf/metadata/apps/" + reader.split("/")[0] + "?list=true", token, null)).isEqualTo(403);
      assertThat(status("POST", "wharf/data/apps/" + reader, token, "{\"data\":{\"K\":\"mine\"}}")).as("write").isEqualTo(403);
    }
  }

  @Test
  void onlyServiceAccountsOfTenantNamespacesLogIn() throws Exception {
    assertThat(login("team-a", "anything")).isNotNull();
    assertThat(login("kube-system", "coredns")).as("not a tenant namespace").isNull();
    assertThat(login("no-such-namespace", "x")).isNull();
  }

  @Test
  void aTokenFromElsewhereGetsNothingFromTheTemplatedRule() throws Exception {
    // No Kubernetes alias to fill the template with: OpenBao drops the rule.
    String token = OPENBAO.tokenWithPolicy("wharf-app-copy", Files.readString(
        OperatorHarness.locate("gitops/services/openbao/bootstrap/wharf-app.hcl"))
        .replace(OpenBaoBootstrap.ACCESSOR_PLACEHOLDER, OPENBAO.kubernetesAccessor()));
    assertThat(status("GET", "wharf/data/apps/team-a/greeter", token, null)).isEqualTo(403);
  }

  @Test
  void theScriptFillsInTheAccessorTheWayTheTestsDo() throws Exception {
    String script = Files.readString(OperatorHarness.locate("gitops/services/openbao/bootstrap/bootstrap.sh"));
    assertThat(script).contains("accessor=$(bao read -field=accessor sys/auth/kubernetes)",
        "sed \"s/" + OpenBaoBootstrap.ACCESSOR_PLACEHOLDER + "/$accessor/g\"");
    assertThat(OPENBAO.roleNames()).containsExactlyInAnyOrder("external-secrets", "wharf-operator", "wharf-app");
    assertThat(OPENBAO.role("wharf-app").path("token_policies").get(0).asText()).isEqualTo("wharf-app");
  }
}
