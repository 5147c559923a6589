package dev.wharf.examples.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.core.AppRef;
import dev.wharf.core.KeyPrefix;
import dev.wharf.core.Names;
import dev.wharf.core.Secret;
import dev.wharf.local.LocalRuntime;
import dev.wharf.local.Service;
import dev.wharf.local.SharedRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * greeter while MySQL or Redis is down, over real HTTP with a valid token: 503 with a
 * problem+json body naming the dependency (never 401/403, never a credential), and 200 again
 * once the server is back, without restarting greeter. The servers are this JVM's shared ones,
 * killed outright and restarted on their port and data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GreeterOutageIT {
  private static final AppRef APP = AppRef.of("team-a", "greeter-outage");
  private static final KeyPrefix PREFIX = KeyPrefix.of("greeter-outage:");
  private static final TestIssuer ISSUER = TestIssuer.start();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Secret mysqlPassword;
  private static Secret redisPassword;

  @DynamicPropertySource
  static void platformEnv(DynamicPropertyRegistry env) {
    TestPlatform platform = TestPlatform.provision(APP, PREFIX, ISSUER::issuer, env);
    mysqlPassword = platform.mysqlPassword();
    redisPassword = platform.redisPassword();
  }

  @AfterAll
  static void stopIssuer() {
    ISSUER.close();
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void mySqlDownIs503NamingItThen200WhenBack() throws Exception {
    assertThat(send("POST", "/api/greetings", "{\"name\":\"Ada\"}").statusCode()).isEqualTo(201);
    LocalRuntime runtime = SharedRuntime.get(Service.MYSQL);
    killOutright(runtime, Service.MYSQL);

    HttpResponse<String> down = send("GET", "/api/greetings", null);
    assertUnavailable(down, "MySQL");

    runtime.restart(Service.MYSQL);
    assertBack("/api/greetings", "MySQL");
  }

  @Test
  void redisDownIs503NamingItThen200WhenBack() throws Exception {
    HttpResponse<String> created = send("POST", "/api/greetings", "{\"name\":\"Grace\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String path = "/api/greetings/" + JSON.readTree(created.body()).path("id").asLong();
    LocalRuntime runtime = SharedRuntime.get(Service.REDIS);
    killOutright(runtime, Service.REDIS);

    assertUnavailable(send("GET", path, null), "Redis");

    runtime.restart(Service.REDIS);
    // A restarted Redis has lost the users it had not saved: provisioning brings greeter's back
    // with the password greeter has, as the operator's resync does.
    try (var redis = TestPlatform.redis(runtime)) {
      redis.ensure(APP, PREFIX, Optional.of(redisPassword));
    }
    assertBack(path, "Redis");
  }

  /**
   * Greeter's answer while down says "try again shortly": its pools reconnect on their own, so
   * within a few seconds of the server being back a request succeeds, and until then every
   * answer is the same 503 naming the dependency (never another error).
   */
  private void assertBack(String path, String dependency) throws Exception {
    HttpResponse<String> r = send("GET", path, null);
    for (int i = 0; i < 30 && r.statusCode() == 503; i++) {
      assertUnavailable(r, dependency);
      Thread.sleep(500);
      r = send("GET", path, null);
    }
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static void assertUnavailable(HttpResponse<String> r, String dependency) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("dependency").asText()).isEqualTo(dependency);
    assertThat(body.path("status").asInt()).isEqualTo(503);
    assertThat(r.body()).doesNotContain(mysqlPassword.reveal()).doesNotContain(redisPassword.reveal())
        .doesNotContain(Names.mysqlUser(APP));
  }

  /** SIGKILL to the server under its guard, as a crash would; waits until the runtime sees it. */
  private static void killOutright(LocalRuntime runtime, Service s) throws InterruptedException {
    List<ProcessHandle> guardFirst = runtime.processes(s);
    guardFirst.subList(1, guardFirst.size()).forEach(ProcessHandle::destroyForcibly);
    for (int i = 0; i < 100 && runtime.exited().stream().noneMatch(e -> e.service() == s); i++) {
      Thread.sleep(100);
    }
    assertThat(runtime.exited()).anyMatch(e -> e.service() == s);
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + ISSUER.token("dev-a", List.of("team-a"), Names.keycloakClientId(APP)));
    if (json != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
