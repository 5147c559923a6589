package dev.wharf.operator.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for Harbor, following its v2.0 swagger (../shared/apispecs/harbor-v2.0-swagger.yaml):
 * GET /projects/{project_name_or_id} with X-Is-Resource-Name, POST /projects (ProjectReq, 201
 * or 409), GET /robots?q=Level=project,ProjectID=..&page&page_size, POST /robots (RobotCreate,
 * 201 RobotCreated with the secret, shown only then; names held to Harbor's robot name rule;
 * 409 for a name that exists), GET /robots/{robot_id} (Robot, never its secret), PATCH
 * /robots/{robot_id} (RobotSec: a given secret must pass Harbor's isValidSec, 8 or more
 * characters with an upper-case letter, a lower-case letter and a digit, else 400; answers an
 * empty secret; without one Harbor makes one and answers it), DELETE /robots/{robot_id}. Basic
 * auth as the admin. Also the registry's token service, GET /service/token, as a docker login
 * reaches it: Basic auth as a robot, 401 when name or secret is wrong (no auth: an anonymous
 * token). Robot names get Harbor's default "robot$<project>+" prefix.
 */
public class HarborStub extends StubServer {
  private static final String API = "/api/v2.0";
  /** RobotSec's properties in the swagger. */
  private static final Set<String> ROBOT_SEC_FIELDS = Set.of("secret");
  private static final Set<String> PROJECT_FIELDS = Set.of("project_name", "public", "metadata", "cve_allowlist",
      "storage_limit", "registry_id");

  public record StoredRobot(long id, String name, String description, String project, String secret, List<String> actions) {
    StoredRobot withSecret(String newSecret) {
      return new StoredRobot(id, name, description, project, newSecret, actions);
    }
  }

  private final String authorization;
  private final Map<String, Long> projects = new ConcurrentHashMap<>();
  private final Map<Long, StoredRobot> robots = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(100);
  private volatile boolean failRefreshes;

  public HarborStub(String user, String password) {
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public void addProject(String name) { projects.putIfAbsent(name, ids.incrementAndGet()); }
  public boolean hasProject(String name) { return projects.containsKey(name); }
  public List<StoredRobot> robots() { return List.copyOf(robots.values()); }
  public void deleteRobotBehindTheBack(long id) { robots.remove(id); }

  /** While true, PATCH /robots/{id} answers 503 (Harbor failing just then) and everything else works. */
  public void failSecretRefreshes(boolean fail) { failRefreshes = fail; }

  /** Someone refreshes the robot's secret in Harbor's UI: the stored one stops working. */
  public void refreshSecretBehindTheBack(long id) {
    robots.computeIfPresent(id, (k, r) -> r.withSecret(UUID.randomUUID().toString()));
  }

  /** A pull robot {@code robot$<project>+<name>} made by someone else (e.g. in Harbor's UI); its id. */
  public long addRobot(String project, String name, String description) {
    StoredRobot robot = new StoredRobot(ids.incrementAndGet(), "robot$" + project + "+" + name, description, project,
        HarborRobots.generate(), List.of("repository:pull"));
    robots.put(robot.id(), robot);
    return robot.id();
  }

  /** Whether a registry login with these robot credentials would work. */
  public boolean robotLoginWorks(String name, String secret) {
    return robots.values().stream().anyMatch(r -> r.name().equals(name) && r.secret().equals(secret));
  }

  @Override
  protected void handle(HttpExchange ex, String method, String path, JsonNode body) throws IOException {
    if (path.equals("/service/token") && method.equals("GET")) {
      HarborRobots.token(ex, this::robotLoginWorks);
      return;
    }
    if (!authorization.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      send(ex, 401, errorBody("UNAUTHORIZED", "unauthorized"));
      return;
    }
    if (!path.startsWith(API + "/")) {
      send(ex, 404, errorBody("NOT_FOUND", "not found"));
      return;
    }
    String p = path.substring(API.length());
    if (p.equals("/projects") && method.equals("POST")) {
      createProject(ex, body);
    } else if (p.startsWith("/projects/") && method.equals("GET")) {
      getProject(ex, p.substring("/projects/".length()));
    } else if (p.equals("/robots") && method.equals("GET")) {
      listRobots(ex);
    } else if (p.equals("/robots") && method.equals("POST")) {
      createRobot(ex, body);
    } else if (p.startsWith("/robots/") && method.equals("GET")) {
      StoredRobot robot = robots.get(robotId(p));
      send(ex, robot == null ? 404 : 200, robot == null ? errorBody("NOT_FOUND", "robot not found") : robotView(robot));
    } else if (p.startsWith("/robots/") && method.equals("PATCH")) {
      if (failRefreshes) {
        send(ex, 503, unavailableBody());
        return;
      }
      refreshSecret(ex, robotId(p), body);
    } else if (p.startsWith("/robots/") && method.equals("DELETE")) {
      long id = Long.parseLong(p.substring("/robots/".length()));
      send(ex, robots.remove(id) == null ? 404 : 200, null);
    } else {
      send(ex, 405, errorBody("METHOD_NOT_ALLOWED", method + " " + p));
    }
  }

  private static long robotId(String p) {
    return Long.parseLong(p.substring("/robots/".length()));
  }

  /** Harbor's RefreshSec: a given secret must pass isValidSec; it is not echoed back. */
  private void refreshSecret(HttpExchange ex, long id, JsonNode body) throws IOException {
    if (body == null || !body.isObject() || unknownField(body, ROBOT_SEC_FIELDS) != null) {
      send(ex, 400, errorBody("BAD_REQUEST", "a RobotSec body is required"));
      return;
    }
    if (!robots.containsKey(id)) {
      send(ex, 404, errorBody("NOT_FOUND", "robot " + id + " not found"));
      return;
    }
    String given = body.path("secret").asText("");
    if (!given.isEmpty() && !HarborRobots.valid(given)) {
      send(ex, 400, errorBody("BAD_REQUEST",
          "the secret must longer than 8 chars with at least 1 uppercase letter, 1 lowercase letter and 1 number"));
      return;
    }
    String secret = given.isEmpty() ? HarborRobots.generate() : given;
    robots.computeIfPresent(id, (k, r) -> r.withSecret(secret));
    send(ex, 200, Map.of("secret", given.isEmpty() ? secret : ""));
  }

  private void getProject(HttpExchange ex, String nameOrId) throws IOException {
    boolean isName = "true".equals(ex.getRequestHeaders().getFirst("X-Is-Resource-Name")) || !nameOrId.matches("\\d+");
    Map.Entry<String, Long> found = projects.entrySet().stream()
        .filter(e -> isName ? e.getKey().equals(nameOrId) : e.getValue().toString().equals(nameOrId))
        .findFirst().orElse(null);
    if (found == null) {
      send(ex, 404, errorBody("NOT_FOUND", "project " + nameOrId + " not found"));
      return;
    }
    send(ex, 200, Map.of("project_id", found.getValue(), "name", found.getKey(),
        "metadata", Map.of("public", "false"), "creation_time", Instant.now().toString()));
  }

  private void createProject(HttpExchange ex, JsonNode body) throws IOException {
    if (body == null || !body.path("project_name").isTextual() || unknownField(body, PROJECT_FIELDS) != null) {
      send(ex, 400, errorBody("BAD_REQUEST", "a ProjectReq with project_name is required"));
      return;
    }
    String name = body.path("project_name").asText();
    if (projects.putIfAbsent(name, ids.incrementAndGet()) != null) {
      send(ex, 409, errorBody("CONFLICT", "The project named " + name + " already exists"));
      return;
    }
    ex.getResponseHeaders().set("Location", API + "/projects/" + projects.get(name));
    send(ex, 201, null);
  }

  private void listRobots(HttpExchange ex) throws IOException {
    Map<String, String> params = query(ex.getRequestURI().getRawQuery());
    Map<String, String> q = new HashMap<>();
    for (String kv : params.getOrDefault("q", "").split(",")) {
      String[] parts = kv.split("=", 2);
      if (parts.length == 2) {
        q.put(parts[0], parts[1]);
      }
    }
    int page = Integer.parseInt(params.getOrDefault("page", "1"));
    int size = Integer.parseInt(params.getOrDefault("page_size", "10"));
    if (size > 100 || page < 1) {
      send(ex, 400, errorBody("BAD_REQUEST", "page_size must be at most 100"));
      return;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    robots.values().stream()
        .filter(r -> !q.containsKey("ProjectID") || projects.get(r.project()).toString().equals(q.get("ProjectID")))
        .filter(r -> !q.containsKey("Level") || q.get("Level").equals("project"))
        .sorted((a, b) -> Long.compare(a.id(), b.id()))
        .skip((long) (page - 1) * size).limit(size)
        .forEach(r -> out.add(robotView(r)));
    ex.getResponseHeaders().set("X-Total-Count", String.valueOf(out.size()));
    send(ex, 200, out);
  }

  private void createRobot(HttpExchange ex, JsonNode body) throws IOException {
    String problem = HarborRobots.robotCreateProblem(body);
    if (problem != null) {
      send(ex, 400, errorBody("BAD_REQUEST", problem));
      return;
    }
    JsonNode perm = body.path("permissions").get(0);
    String project = perm.path("namespace").asText();
    if (!projects.containsKey(project)) {
      send(ex, 404, errorBody("NOT_FOUND", "project " + project + " not found"));
      return;
    }
    String fullName = "robot$" + project + "+" + body.path("name").asText();
    if (robots.values().stream().anyMatch(r -> r.name().equals(fullName))) {
      send(ex, 409, errorBody("CONFLICT", "robot account " + fullName + " already exists"));
      return;
    }
    List<String> actions = new ArrayList<>();
    perm.path("access").forEach(a -> actions.add(a.path("resource").asText() + ":" + a.path("action").asText()));
    StoredRobot robot = new StoredRobot(ids.incrementAndGet(), fullName, body.path("description").asText(""), project,
        HarborRobots.generate(), actions);
    robots.put(robot.id(), robot);
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("id", robot.id());
    created.put("name", robot.name());
    created.put("secret", robot.secret());
    created.put("creation_time", Instant.now().toString());
    created.put("expires_at", -1);
    send(ex, 201, created);
  }

  private static Map<String, Object> robotView(StoredRobot r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("name", r.name());
    m.put("description", r.description());
    m.put("level", "project");
    m.put("disable", false);
    m.put("duration", -1);
    List<Map<String, String>> access = new ArrayList<>();
    for (String a : r.actions()) {
      String[] parts = a.split(":", 2);
      access.add(Map.of("resource", parts[0], "action", parts[1]));
    }
    m.put("permissions", List.of(Map.of("kind", "project", "namespace", r.project(), "access", access)));
    return m;
  }

  static String unknownField(JsonNode body, Set<String> known) {
    for (var e : body.properties()) {
      if (!known.contains(e.getKey())) {
        return e.getKey();
      }
    }
    return null;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        String[] parts = kv.split("=", 2);
        out.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
    }
    return out;
  }

  @Override
  protected Object unavailableBody() {
    return errorBody("SERVICE_UNAVAILABLE", "service unavailable");
  }

  @Override
  protected Object errorBody(String message) {
    return errorBody("UNKNOWN", message);
  }

  private static Object errorBody(String code, String message) {
    return Map.of("errors", List.of(Map.of("code", code, "message", message)));
  }
}
