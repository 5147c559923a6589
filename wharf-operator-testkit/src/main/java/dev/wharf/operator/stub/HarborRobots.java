package dev.wharf.operator.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Robot accounts as Harbor checks them (src/server/v2.0/handler/robot.go and core's token
 * service): what CreateRobot refuses, the secrets Harbor makes itself, the rule a secret given
 * to RefreshSec must meet, and the registry token service a docker login asks.
 */
final class HarborRobots {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  /** RobotCreate's properties in the swagger. */
  private static final Set<String> ROBOT_FIELDS = Set.of("name", "description", "level", "duration",
      "disable", "permissions", "secret");
  /** Harbor's validateName for robots (src/server/v2.0/handler/robot.go); the swagger does not state it. */
  private static final java.util.regex.Pattern ROBOT_NAME = java.util.regex.Pattern.compile("^[a-z0-9]+(?:[._-][a-z0-9]+)*$");

  private HarborRobots() {}

  /** Why Harbor's CreateRobot would refuse {@code body} (400), or null. */
  static String robotCreateProblem(JsonNode body) {
    if (body == null) {
      return "a RobotCreate body is required";
    }
    String unknown = HarborStub.unknownField(body, ROBOT_FIELDS);
    if (unknown != null) {
      return "unknown field " + unknown;
    }
    if (!body.path("name").isTextual() || body.path("name").asText().isBlank()) {
      return "name is required";
    }
    if (!ROBOT_NAME.matcher(body.path("name").asText()).matches()) {
      return "robot name is not in lower case or contains illegal characters";
    }
    if (!body.path("level").asText().equals("project")) {
      return "stub supports project level robots only";
    }
    long duration = body.path("duration").asLong(0);
    if (!body.path("duration").isIntegralNumber() || (duration != -1 && duration <= 0)) {
      return "duration must be either -1(Never) or a positive integer";
    }
    JsonNode perms = body.path("permissions");
    if (!perms.isArray() || perms.size() != 1 || !perms.get(0).path("kind").asText().equals("project")
        || !perms.get(0).path("namespace").isTextual() || !perms.get(0).path("access").isArray()
        || perms.get(0).path("access").isEmpty()) {
      return "a project level robot needs one permission of kind project with a namespace and access";
    }
    for (JsonNode a : perms.get(0).path("access")) {
      if (!a.path("resource").isTextual() || !a.path("action").isTextual()) {
        return "each access needs resource and action";
      }
    }
    return null;
  }

  /** As Harbor's utils.GenerateRandomString: 32 letters and digits (not always of every kind). */
  static String generate() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  /** Harbor's isValidSec: at least 8 characters, with a lower-case letter, an upper-case letter and a digit. */
  static boolean valid(String s) {
    return s.length() >= 8 && s.matches("(?s).*[a-z].*") && s.matches("(?s).*[A-Z].*") && s.matches("(?s).*[0-9].*");
  }

  /**
   * GET /service/token: Basic auth as a robot is checked (401 when name or secret is wrong);
   * without auth Harbor hands out an anonymous token.
   */
  static void token(HttpExchange ex, BiPredicate<String, String> robotLogin) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null) {
      String[] userAndSecret = auth.startsWith("Basic ")
          ? new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8).split(":", 2)
          : new String[0];
      if (userAndSecret.length != 2 || !robotLogin.test(userAndSecret[0], userAndSecret[1])) {
        StubServer.send(ex, 401, Map.of("errors", List.of(Map.of("code", "UNAUTHORIZED",
            "message", "authentication required"))));
        return;
      }
    }
    StubServer.send(ex, 200, Map.of("token", UUID.randomUUID().toString(), "expires_in", 1800,
        "issued_at", Instant.now().toString()));
  }
}
