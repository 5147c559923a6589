package dev.wharf.operator.harbor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.core.Secret;
import dev.wharf.operator.http.JsonHttp;
import dev.wharf.operator.http.PathSegments;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parts of Harbor's v2.0 REST API the operator uses: projects and project-level robot
 * accounts (robot API v2: create, read by id, list, refresh the secret, delete), plus the
 * registry's token service to check a robot's secret without changing anything. Basic auth
 * with an admin user or a system robot.
 */
public class HarborClient {
  private static final String API = "/api/v2.0";
  private final JsonHttp http;

  public HarborClient(URI address, String username, Supplier<String> password) {
    this.http = new JsonHttp("Harbor", address, () -> Map.of("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((username + ":" + password.get()).getBytes(StandardCharsets.UTF_8))));
  }

  /** The project's id, or empty when there is no such project. */
  public Optional<Long> projectId(String project) {
    JsonHttp.Response r = http.send("GET", API + "/projects/" + PathSegments.check("project", project), null,
        Set.of(200, 404), Map.of("X-Is-Resource-Name", "true"));
    return r.status() == 404 ? Optional.empty() : Optional.of(r.body().path("project_id").asLong());
  }

  /** Creates a private project. A project that appeared meanwhile (409) is fine. */
  public void createProject(String project) {
    http.send("POST", API + "/projects", Map.of("project_name", PathSegments.check("project", project),
        "metadata", Map.of("public", "false")), Set.of(201, 409));
  }

  public List<Robot> projectRobots(long projectId) {
    String q = URLEncoder.encode("Level=project,ProjectID=" + projectId, StandardCharsets.UTF_8);
    List<Robot> robots = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonHttp.Response r = http.send("GET", API + "/robots?q=" + q + "&page=" + page + "&page_size=100", null, Set.of(200));
      for (JsonNode n : r.body()) {
        robots.add(robot(n));
      }
      if (r.body().size() < 100) {
        return robots;
      }
    }
  }

  /** Creates a robot that may only pull from one project. Harbor shows its secret only now. */
  public RobotCredentials createPullRobot(String project, String robotName, String description) {
    Map<String, Object> body = Map.of(
        "name", PathSegments.check("robot", robotName),
        "description", description,
        "level", "project",
        "duration", -1,
        "disable", false,
        "permissions", List.of(Map.of(
            "kind", "project",
            "namespace", PathSegments.check("project", project),
            "access", List.of(Map.of("resource", "repository", "action", "pull")))));
    JsonNode created = http.send("POST", API + "/robots", body, Set.of(201)).body();
    return new RobotCredentials(created.path("id").asLong(), created.path("name").asText(), created.path("secret").asText());
  }

  /** The robot with this id, or empty when there is none. */
  public Optional<Robot> robot(long id) {
    JsonHttp.Response r = http.send("GET", API + "/robots/" + id, null, Set.of(200, 404));
    return r.status() == 404 ? Optional.empty() : Optional.of(robot(r.body()));
  }

  /**
   * Sets the robot's secret to {@code secret} in place (PATCH /robots/{id}): same robot, same
   * id, same name, so only the credential in the pull Secret changes. Harbor refuses (400) a
   * secret that does not meet {@link RobotSecrets#acceptable}.
   */
  public void refreshSecret(long id, Secret secret) {
    http.send("PATCH", API + "/robots/" + id, Map.of("secret", secret.reveal()), Set.of(200));
  }

  /**
   * True when Harbor's registry token service accepts {@code name} and {@code secret} (as a
   * docker login does), false when it answers 401. Changes nothing.
   */
  public boolean robotSecretWorks(String name, Secret secret, String project) {
    String scope = URLEncoder.encode("repository:" + PathSegments.check("project", project) + "/wharf-check:pull",
        StandardCharsets.UTF_8);
    String basic = "Basic " + Base64.getEncoder().encodeToString((name + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8));
    JsonHttp.Response r = http.send("GET", "/service/token?service=harbor-registry&scope=" + scope, null,
        Set.of(200, 401), Map.of("Authorization", basic));
    return r.status() == 200;
  }

  private static Robot robot(JsonNode n) {
    return new Robot(n.path("id").asLong(), n.path("name").asText(), n.path("description").asText(""),
        n.path("permissions").path(0).path("namespace").asText(""));
  }

  public void deleteRobot(long id) {
    http.send("DELETE", API + "/robots/" + id, null, Set.of(200, 404));
  }

  public long writes() {
    return http.writes();
  }
}
