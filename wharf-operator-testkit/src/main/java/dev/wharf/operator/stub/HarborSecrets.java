package dev.wharf.operator.stub;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Robot secrets as Harbor handles them (src/server/v2.0/handler/robot.go and core's token
 * service): the secrets Harbor makes itself, the rule a secret given to RefreshSec must meet,
 * and the registry token service a docker login asks.
 */
final class HarborSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private HarborSecrets() {}

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
