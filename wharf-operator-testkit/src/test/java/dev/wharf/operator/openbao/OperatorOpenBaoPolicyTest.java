package dev.wharf.operator.openbao;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.operator.stub.OpenBaoStub;
import dev.wharf.operator.testing.OperatorHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's own OpenBao policy (gitops/services/openbao/bootstrap/wharf-operator.hcl),
 * enforced by the stub as OpenBao would: whoever holds the operator's token can write and
 * delete app entries, and can neither grant access (policies, roles) nor read anything else.
 */
class OperatorOpenBaoPolicyTest {
  static final OpenBaoStub OPENBAO = new OpenBaoStub("root", "wharf");
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String TOKEN;

  static {
    try {
      TOKEN = OPENBAO.tokenWithPolicy("wharf-operator",
          Files.readString(OperatorHarness.locate("gitops/services/openbao/bootstrap/wharf-operator.hcl")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    OPENBAO.close();
  }

  static int call(String method, String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(OPENBAO.uri() + "/v1/" + path)).header("X-Vault-Token", TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void itWritesReadsAndDeletesAppEntries() throws Exception {
    assertThat(call("POST", "wharf/data/apps/team-a/greeter", "{\"data\":{\"K\":\"v\"}}")).isEqualTo(200);
    assertThat(call("POST", "wharf/data/apps/team-a/greeter", "{\"data\":{\"K\":\"w\"}}")).isEqualTo(200);
    assertThat(call("GET", "wharf/data/apps/team-a/greeter", null)).isEqualTo(200);
    assertThat(call("DELETE", "wharf/metadata/apps/team-a/greeter", null)).isEqualTo(204);
  }

  @Test
  void itCanNeitherGrantAccessNorReadBeyondAppEntries() throws Exception {
    String readEverything = "{\"policy\":\"path \\\"wharf/*\\\" {\\n  capabilities = [\\\"read\\\"]\\n}\\n\"}";
    assertThat(call("PUT", "sys/policies/acl/wharf-app-evil", readEverything)).as("write a policy").isEqualTo(403);
    assertThat(call("PUT", "sys/policies/acl/wharf-app", readEverything)).as("change the apps' policy").isEqualTo(403);
    assertThat(call("DELETE", "sys/policies/acl/wharf-app", null)).as("delete the apps' policy").isEqualTo(403);
    assertThat(call("POST", "auth/kubernetes/role/evil",
        "{\"bound_service_account_names\":[\"*\"],\"bound_service_account_namespaces\":[\"*\"],\"token_policies\":[\"wharf-admin\"]}"))
        .as("write a Kubernetes-auth role").isEqualTo(403);
    assertThat(call("GET", "wharf/data/platform/mysql", null)).as("read a platform secret").isEqualTo(403);
    assertThat(call("POST", "wharf/data/platform/mysql", "{\"data\":{\"root-password\":\"x\"}}")).isEqualTo(403);
    assertThat(call("GET", "wharf/data/apps", null)).as("read outside apps/<namespace>/<name>").isEqualTo(403);
  }
}
