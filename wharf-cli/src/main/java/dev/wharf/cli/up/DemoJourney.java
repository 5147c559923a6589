package dev.wharf.cli.up;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.core.MySqlServer;
import dev.wharf.core.RedisServer;
import java.io.PrintWriter;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The developer journey, step by step: up, token, create and read back, the row in MySQL and
 * the key in Redis, metrics, then the refusals (no token, another team, another app's client,
 * another app's Redis keys), then down. Each step prints its time; the last line says
 * {@code demo: passed in T s} or {@code demo: failed at <step>: <reason>}.
 */
final class DemoJourney {
  /** Database names the demo quotes into SQL: Wharf's qualified names, nothing else. */
  private static final Pattern DATABASE = Pattern.compile("[a-z0-9.~-]{1,64}");

  private final StateDir state;
  private final GreeterJar jars;
  private final PrintWriter out;
  private final Duration readyTimeout;
  private final ServerSource servers;
  private final DemoHttp http = new DemoHttp();

  private LocalPlatform platform;
  private String tokenA;
  private long greetingId;

  DemoJourney(StateDir state, GreeterJar jars, PrintWriter out, Duration readyTimeout, ServerSource servers) {
    this.state = state;
    this.jars = jars;
    this.out = out;
    this.readyTimeout = readyTimeout;
    this.servers = servers;
  }

  /** Runs every step; returns true when all passed. Everything started is stopped either way. */
  boolean run() {
    Timer total = Timer.start();
    try {
      // The only long step: say it has begun, as its own progress lines follow.
      out.println("demo: up...");
      out.flush();
      step("up", () -> platform =
          LocalPlatform.start(state, LocalPorts.ANY, out, false, jars, readyTimeout, servers));
      step("token for dev-a (team-a)", () -> tokenA = token(LocalSetup.DEV_A, greeterClient()));
      step("create a greeting", this::create);
      step("read it back", this::readBack);
      step("row in MySQL", this::rowInMySql);
      step("key in Redis under greeter's prefix", this::keyInRedis);
      step("metrics count the requests and the cache hit", this::metrics);
      step("no token is refused (401)", () -> expect(401, http.get(api(), null)));
      step("dev-b of team-b is refused (403)",
          () -> expect(403, http.get(api(), token(LocalSetup.DEV_B, greeterClient()))));
      step("token for another app's client is refused (401)",
          () -> expect(401, http.get(api(), token(LocalSetup.DEV_A, otherClient()))));
      step("greeter's Redis user cannot read another prefix (NOPERM)", this::noPermOutsidePrefix);
      step("down", this::down);
    } catch (StepFailed e) {
      close();
      out.println("demo: failed at " + e.step + ": " + e.reason);
      out.flush();
      return false;
    }
    out.println("demo: passed in " + total.elapsed());
    out.flush();
    return true;
  }

  private void create() throws Exception {
    DemoHttp.Response r = http.postJson(api(), tokenA, DemoHttp.json(Map.of("name", "Ada")));
    expect(201, r);
    JsonNode body = r.json();
    greetingId = body.path("id").asLong();
    require(greetingId > 0 && "Hello, Ada!".equals(body.path("message").asText()),
        "unexpected body " + r.body());
  }

  private void readBack() throws Exception {
    for (int i = 0; i < 2; i++) { // the second read is served from the cache
      DemoHttp.Response r = http.get(api() + "/" + greetingId, tokenA);
      expect(200, r);
      require("Ada".equals(r.json().path("name").asText()), "unexpected body " + r.body());
    }
  }

  private void rowInMySql() throws Exception {
    MySqlServer mysql = platform.runtime().mysql();
    String db = URI.create(platform.greeterEnv().get("MYSQL_URL").substring("jdbc:".length()))
        .getPath().substring(1);
    require(DATABASE.matcher(db).matches(), "unexpected database name in MYSQL_URL");
    Properties props = new Properties();
    props.setProperty("user", mysql.adminUser());
    props.setProperty("password", mysql.adminPassword().reveal());
    try (Connection c = DriverManager.getConnection(mysql.jdbcUrl(null), props);
        PreparedStatement q = c.prepareStatement(
            "SELECT name FROM `" + db + "`.greeting WHERE id = ?")) {
      q.setLong(1, greetingId);
      try (ResultSet rs = q.executeQuery()) {
        require(rs.next() && "Ada".equals(rs.getString(1)),
            "no row with id " + greetingId + " in " + db + ".greeting");
      }
    }
  }

  private void keyInRedis() {
    String key = platform.greeterEnv().get("REDIS_KEY_PREFIX") + "greetings::" + greetingId;
    RedisServer redis = platform.runtime().redis();
    try (Jedis admin = jedis(redis, redis.adminUser(), redis.adminPassword().reveal())) {
      require(admin.exists(key), "no key " + key + " in Redis");
    }
  }

  private void metrics() throws Exception {
    DemoHttp.Response r = http.get(platform.greeterUrl() + "/actuator/prometheus", null);
    expect(200, r);
    require(r.body().lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count")
            && l.contains("uri=\"/api/greetings/{id}\"")),
        "no http_server_requests_seconds_count for /api/greetings/{id}");
    require(r.body().lines().anyMatch(l -> l.startsWith("cache_gets_total")
            && l.contains("cache=\"greetings\"") && l.contains("result=\"hit\"")
            && !l.endsWith(" 0.0")),
        "no cache hit counted in cache_gets_total (the second read should come from Redis)");
  }

  private void noPermOutsidePrefix() {
    Map<String, String> env = platform.greeterEnv();
    RedisServer redis = platform.runtime().redis();
    try (Jedis greeter = jedis(redis, env.get("REDIS_USERNAME"), env.get("REDIS_PASSWORD"))) {
      require(greeter.ping().equals("PONG"), "greeter's Redis user cannot log in");
      try {
        greeter.get(LocalSetup.OTHER_APP.name() + ":greetings::1");
        throw new StepFailed("", "greeter's Redis user read another app's key");
      } catch (JedisDataException e) {
        require(e.getMessage().startsWith("NOPERM"), "expected NOPERM, got " + e.getMessage());
      }
    }
  }

  private void down() {
    var processes = platform.ownedProcesses();
    close();
    for (ProcessHandle p : processes) {
      require(!p.isAlive(), "process " + p.pid() + " still runs after down");
    }
  }

  private void close() {
    if (platform != null) {
      platform.close();
    }
  }

  private String token(LocalSetup.DemoUser user, Client client) throws Exception {
    return http.token(platform.info().tokenEndpoint(), client.id(), client.secret(), user.name(),
        state.readPassword(user.name()));
  }

  private record Client(String id, String secret) {}

  private Client greeterClient() {
    Map<String, String> env = platform.greeterEnv();
    return new Client(env.get("OIDC_CLIENT_ID"), env.get("OIDC_CLIENT_SECRET"));
  }

  private Client otherClient() {
    LocalSetup.Result setup = platform.setup();
    return new Client(setup.otherClientId(), setup.otherClientSecret().reveal());
  }

  private String api() {
    return platform.greeterUrl() + "/api/greetings";
  }

  private static Jedis jedis(RedisServer redis, String user, String password) {
    return new Jedis(new HostAndPort(redis.host(), redis.port()),
        DefaultJedisClientConfig.builder().user(user).password(password).build());
  }

  private static void expect(int status, DemoHttp.Response r) {
    require(r.status() == status, "expected HTTP " + status + ", got " + r.status()
        + (r.body().isBlank() ? "" : " " + abbreviate(r.body())));
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  private static void require(boolean ok, String reason) {
    if (!ok) {
      throw new StepFailed("", reason);
    }
  }

  private interface Body {
    void run() throws Exception;
  }

  private void step(String name, Body body) {
    Timer t = Timer.start();
    try {
      body.run();
    } catch (StepFailed e) {
      throw new StepFailed(name, e.reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailed(name, "interrupted");
    } catch (Exception e) {
      String m = e.getMessage();
      throw new StepFailed(name, m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m)
          + (m.lines().count() > 1 ? " (more in the logs under " + state.root() + ")" : ""));
    }
    out.printf(Locale.ROOT, "demo: %-56s ok  %s%n", name, t.elapsed());
    out.flush();
  }

  private static final class StepFailed extends RuntimeException {
    final String step;
    final String reason;

    StepFailed(String step, String reason) {
      super(reason, null, false, false);
      this.step = step;
      this.reason = reason;
    }
  }
}
