package dev.wharf.operator.harbor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.core.Secret;
import dev.wharf.operator.stub.HarborStub;
import dev.wharf.operator.stub.StubServer;
import dev.wharf.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every request the Harbor client sends is an operation of Harbor's v2.0 swagger
 * (../shared/apispecs), and every field it sends is a property of that operation's body schema.
 * The one exception is the registry's token service ({@code /service/token}), which Harbor core
 * serves outside the REST API, as the Docker registry token specification describes it.
 */
class HarborSwaggerTest {
  static final HarborStub STUB = new HarborStub("admin", "harbor-pw");
  static final Map<String, Object> SWAGGER = swagger();

  @SuppressWarnings("unchecked")
  static Map<String, Object> swagger() {
    try {
      return new KubernetesSerialization().unmarshal(
          Files.readString(OperatorHarness.locate("../shared/apispecs/harbor-v2.0-swagger.yaml")), Map.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    STUB.close();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, String key) {
    return (Map<String, Object>) ((Map<String, Object>) o).get(key);
  }

  /** The swagger path template a request path is an instance of, e.g. /robots/{robot_id} for /robots/7. */
  static Optional<String> template(String path) {
    return map(SWAGGER, "paths").keySet().stream()
        .filter(t -> Pattern.compile(t.replaceAll("\\{[^}]+}", "[^/]+")).matcher(path).matches())
        .min((a, b) -> Long.compare(a.chars().filter(c -> c == '{').count(), b.chars().filter(c -> c == '{').count()));
  }

  /** The properties of a definition: what a request body of that schema may hold. */
  static java.util.Set<String> properties(String definition) {
    return map(map(map(SWAGGER, "definitions"), definition), "properties").keySet();
  }

  @Test
  void everyRequestTheClientSendsIsAnOperationOfTheSwagger() {
    HarborClient client = new HarborClient(STUB.uri(), "admin", () -> "harbor-pw");
    client.createProject("team-x");
    long projectId = client.projectId("team-x").orElseThrow();
    RobotCredentials robot = client.createPullRobot("team-x", "team-x-app", "pull for team-x/app");
    client.projectRobots(projectId);
    client.robot(robot.id());
    client.refreshSecret(robot.id(), RobotSecrets.generate());
    client.robotSecretWorks(robot.name(), Secret.of(robot.secret()), "team-x");
    client.deleteRobot(robot.id());

    List<StubServer.Call> calls = STUB.calls();
    assertThat(calls).hasSizeGreaterThanOrEqualTo(8);
    for (StubServer.Call call : calls) {
      if (call.path().equals("/service/token")) {
        continue;
      }
      assertThat(call.path()).startsWith("/api/v2.0/");
      String path = call.path().substring("/api/v2.0".length());
      String template = template(path).orElseThrow(() -> new AssertionError("no swagger path for " + call));
      assertThat(map(map(SWAGGER, "paths"), template)).as(call.method() + " " + template)
          .containsKey(call.method().toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(calls).extracting(c -> c.method() + " " + template(c.path().replaceFirst("^/api/v2\\.0", "")).orElse(c.path()))
        .contains("GET /robots/{robot_id}", "PATCH /robots/{robot_id}", "POST /robots", "GET /robots",
            "DELETE /robots/{robot_id}", "GET /projects/{project_name_or_id}", "POST /projects");
  }

  @Test
  void theBodiesTheClientSendsUseTheSwaggersPropertiesOnly() {
    // What HarborClient puts in each body (the stub refuses anything else, see HarborStub).
    assertThat(properties("RobotCreate")).contains("name", "description", "level", "duration", "disable", "permissions");
    assertThat(properties("RobotSec")).containsExactly("secret");
    assertThat(properties("ProjectReq")).contains("project_name", "metadata");
    assertThat(properties("RobotPermission")).contains("kind", "namespace", "access");
    assertThat(properties("Access")).contains("resource", "action");
    // PATCH /robots/{robot_id} takes and answers a RobotSec; GET answers a Robot (Harbor leaves its secret empty)
    // with the name, description and permissions the client reads.
    assertThat(properties("Robot")).contains("id", "name", "description", "permissions");
  }
}
