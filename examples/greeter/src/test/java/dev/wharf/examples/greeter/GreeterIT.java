package dev.wharf.examples.greeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.core.AppRef;
import dev.wharf.core.KeyPrefix;
import dev.wharf.core.Names;
import dev.wharf.core.RedisServer;
import dev.wharf.core.Secret;
import dev.wharf.examples.greeter.data.Greeting;
import dev.wharf.examples.greeter.data.GreetingService;
import dev.wharf.local.Service;
import dev.wharf.local.SharedRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * greeter on real MariaDB and Redis, as the app user and ACL user that Wharf's provisioning
 * creates: Flyway migrates with the app's privileges, the cache works within the ACL (no KEYS,
 * no CONFIG, only keys under the prefix), and the probes and metrics answer. Tokens from a real
 * Keycloak are exercised by wharf-cli's DemoIT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GreeterIT {
  private static final AppRef APP = AppRef.of("team-a", "greeter-it");
  private static final KeyPrefix PREFIX = KeyPrefix.of("greeter-it:");

  private static Secret redisPassword;

  @DynamicPropertySource
  static void platformEnv(DynamicPropertyRegistry env) {
    // Keys are fetched lazily, so no Keycloak is needed for what this test calls.
    redisPassword = TestPlatform.provision(APP, PREFIX, () -> "http://127.0.0.1:9/realms/wharf", env).redisPassword();
  }

  @Autowired GreetingService greetings;
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void storesInMySqlAndCachesUnderThePrefix() {
    Greeting created = greetings.create("Grace", "dev-a");
    assertThat(greetings.find(created.id())).contains(created);
    assertThat(greetings.find(created.id())).contains(created);
    assertThat(greetings.find(Long.MAX_VALUE)).isEqualTo(Optional.empty());
    assertThat(greetings.latest(5)).extracting(Greeting::id).contains(created.id());

    RedisServer r = SharedRuntime.get(Service.REDIS).redis();
    try (Jedis admin = jedis(r, r.adminUser(), r.adminPassword().reveal())) {
      assertThat(admin.exists(PREFIX.value() + "greetings::" + created.id())).isTrue();
      assertThat(admin.pttl(PREFIX.value() + "greetings::" + created.id())).isPositive();
      // a miss is not cached
      assertThat(admin.exists(PREFIX.value() + "greetings::" + Long.MAX_VALUE)).isFalse();
    }
  }

  @Test
  void theAclUserIsConfinedToItsPrefix() {
    RedisServer r = SharedRuntime.get(Service.REDIS).redis();
    try (Jedis app = jedis(r, Names.redisUser(APP), redisPassword.reveal())) {
      app.set(PREFIX.value() + "probe", "1");
      assertThatThrownBy(() -> app.get("other-app:probe"))
          .isInstanceOf(JedisDataException.class).hasMessageStartingWith("NOPERM");
      assertThatThrownBy(() -> app.keys("*"))
          .isInstanceOf(JedisDataException.class).hasMessageStartingWith("NOPERM");
    }
  }

  @Test
  void probesAndMetricsAnswerWithoutAToken() throws Exception {
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"UP\"");
    greetings.find(greetings.create("Linus", "dev-a").id());
    String metrics = get("/actuator/prometheus").body();
    assertThat(metrics)
        .contains("hikaricp_connections_active")
        .contains("cache_gets_total{cache=\"greetings\"")
        .contains("result=\"miss\"");
    // What the platform's canary analysis reads (gitops/services/flagger/config/metric-templates.yaml):
    // the request timer as a histogram, with status and uri labels (the probes above are requests too).
    for (String series : new String[] {"http_server_requests_seconds_count{", "http_server_requests_seconds_bucket{"}) {
      assertThat(metrics.lines().filter(l -> l.startsWith(series)))
          .as(series)
          .anySatisfy(l -> assertThat(l).contains("status=\"200\"").contains("outcome=\"SUCCESS\"")
              .contains("uri=\"/actuator/health"));
    }
    assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket{")))
        .anySatisfy(l -> assertThat(l).contains("le=\""));
  }

  @Test
  void theApiWantsAToken() throws Exception {
    assertThat(get("/api/greetings").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Jedis jedis(RedisServer r, String user, String password) {
    return new Jedis(new HostAndPort(r.host(), r.port()),
        DefaultJedisClientConfig.builder().user(user).password(password).build());
  }
}
