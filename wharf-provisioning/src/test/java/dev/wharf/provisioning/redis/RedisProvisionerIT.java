package dev.wharf.provisioning.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.core.AppRef;
import dev.wharf.core.InvalidNameException;
import dev.wharf.core.KeyPrefix;
import dev.wharf.core.Names;
import dev.wharf.core.RedisServer;
import dev.wharf.core.Secret;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ServiceException;
import dev.wharf.provisioning.TestServers;
import dev.wharf.provisioning.Writes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/** Against the shared local Redis. */
class RedisProvisionerIT {

  private static RedisServer server;
  private static Writes writes;
  private static RedisProvisioner redis;

  @BeforeAll
  static void start() {
    server = TestServers.redis();
    writes = new Writes();
    redis = new RedisProvisioner(server, writes);
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  /** A new app and a prefix unique to it (the namespace is random). */
  private record TestApp(AppRef ref, KeyPrefix prefix) {}

  private static TestApp newApp(String name) {
    String namespace = TestServers.uniqueNamespace("rd");
    return new TestApp(AppRef.of(namespace, name), KeyPrefix.of(namespace + ":" + name + ":"));
  }

  private static Secret created(Outcome outcome) {
    assertThat(outcome.change()).isEqualTo(Change.CREATED);
    return outcome.secret().orElseThrow();
  }

  private static Jedis connect(String user, Secret password) {
    return new Jedis(new HostAndPort(server.host(), server.port()),
        DefaultJedisClientConfig.builder().user(user).password(password.reveal())
            .clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build());
  }

  private static Jedis as(TestApp app, Secret password) {
    return connect(Names.redisUser(app.ref()), password);
  }

  private static Jedis admin() {
    return connect(server.adminUser(), server.adminPassword());
  }

  private static void assertNoPermission(Runnable call) {
    assertThatThrownBy(call::run).isInstanceOf(JedisDataException.class)
        .hasMessageContaining("NOPERM");
  }

  @Test
  void appUserTouchesOnlyItsOwnKeysAndChannels() {
    var a = newApp("alpha");
    var b = newApp("beta");
    var aPassword = created(redis.ensure(a.ref(), a.prefix()));
    var bPassword = created(redis.ensure(b.ref(), b.prefix()));
    try (var jb = as(b, bPassword)) {
      jb.set(b.prefix() + "secret", "b-value");
    }
    try (var ja = as(a, aPassword)) {
      ja.set(a.prefix() + "k", "v");
      assertThat(ja.get(a.prefix() + "k")).isEqualTo("v");
      ja.hset(a.prefix() + "h", "f", "1");
      ja.expire(a.prefix() + "k", 60);
      ja.publish(a.prefix() + "events", "hello");
      assertNoPermission(() -> ja.get(b.prefix() + "secret"));
      assertNoPermission(() -> ja.set(b.prefix() + "secret", "overwritten"));
      assertNoPermission(() -> ja.del(b.prefix() + "secret"));
      assertNoPermission(() -> ja.set("unprefixed", "x"));
      assertNoPermission(() -> ja.publish(b.prefix() + "events", "x"));
      assertNoPermission(ja::flushAll);
      assertNoPermission(ja::flushDB);
      assertNoPermission(() -> ja.keys("*"));
      assertNoPermission(() -> ja.scan("0"));
      assertNoPermission(() -> ja.configGet("*"));
      assertNoPermission(() -> ja.sendCommand(Protocol.Command.ACL, "LIST"));
      assertNoPermission(() -> ja.sendCommand(Protocol.Command.ACL, "GETUSER", "default"));
      assertNoPermission(() -> ja.sendCommand(Protocol.Command.CLIENT, "LIST"));
      assertNoPermission(() -> ja.sendCommand(() -> "MODULE".getBytes(), "LIST"));
      assertNoPermission(() -> ja.sendCommand(Protocol.Command.SCRIPT, "FLUSH"));
      assertThat(ja.info("server")).contains("redis_version");
      var sha = ja.scriptLoad("return redis.call('GET', KEYS[1])");
      assertThat(ja.evalsha(sha, List.of(a.prefix() + "k"), List.of())).isEqualTo("v");
      assertThatThrownBy(() -> ja.evalsha(sha, List.of(b.prefix() + "secret"), List.of()))
          .isInstanceOf(JedisDataException.class);
    }
    try (var adm = admin()) {
      assertThat(adm.get(b.prefix() + "secret")).isEqualTo("b-value");
    }
  }

  /** Server-side count of ACL SETUSER/DELUSER calls (Redis 7), or of all ACL calls (6.2). */
  private static long aclCallsOnServer(String subcommand) {
    try (var adm = admin()) {
      String stats = adm.info("commandstats");
      String seven = "cmdstat_acl|" + subcommand + ":calls=";
      String six = "cmdstat_acl:calls=";
      for (String line : stats.split("\r?\n")) {
        if (line.startsWith(seven) || line.startsWith(six)) {
          String rest = line.substring(line.indexOf("calls=") + 6);
          return Long.parseLong(rest.substring(0, rest.indexOf(',')));
        }
      }
      return 0;
    }
  }

  private static boolean commandStatsPerSubcommand() {
    try (var adm = admin()) {
      return RedisVersion.fromInfo(adm.info("server")).atLeast(7, 0);
    }
  }

  private static List<Object> aclList() {
    try (var adm = admin()) {
      return new ArrayList<>((List<?>) adm.sendCommand(Protocol.Command.ACL, "LIST")).stream()
          .map(o -> (Object) new String((byte[]) o)).toList();
    }
  }

  @Test
  void secondEnsureReportsUnchangedAndWritesNothing() {
    var app = newApp("idem");
    created(redis.ensure(app.ref(), app.prefix()));
    var usersBefore = aclList();
    long countedBefore = writes.count();
    long setuserBefore = aclCallsOnServer("setuser");
    var again = redis.ensure(app.ref(), app.prefix());
    assertThat(again.change()).isEqualTo(Change.UNCHANGED);
    assertThat(again.secret()).isEmpty();
    assertThat(writes.count()).isEqualTo(countedBefore);
    // Redis 7 counts ACL SETUSER on its own; 6.2 counts all ACL calls, and the only one a
    // re-ensure may make is its single ACL GETUSER.
    long allowedReads = commandStatsPerSubcommand() ? 0 : 1;
    assertThat(aclCallsOnServer("setuser") - setuserBefore).isEqualTo(allowedReads);
    assertThat(aclList()).isEqualTo(usersBefore);
  }

  @Test
  void driftIsCorrectedAndThePasswordKept() {
    var app = newApp("drift");
    var password = created(redis.ensure(app.ref(), app.prefix()));
    try (var adm = admin()) {
      adm.sendCommand(Protocol.Command.ACL, "SETUSER", Names.redisUser(app.ref()), "+@all",
          "allkeys");
    }
    var fixed = redis.ensure(app.ref(), app.prefix());
    assertThat(fixed.change()).isEqualTo(Change.UPDATED);
    assertThat(fixed.secret()).isEmpty();
    assertThat(redis.verify(app.ref(), password)).isTrue();
    try (var j = as(app, password)) {
      assertNoPermission(j::flushAll);
      assertNoPermission(() -> j.get("elsewhere"));
    }
    assertThat(redis.ensure(app.ref(), app.prefix()).change()).isEqualTo(Change.UNCHANGED);
  }

  @Test
  void aLostUserComesBackWithThePasswordTheAppHas() {
    var app = newApp("restore");
    var password = created(redis.ensure(app.ref(), app.prefix()));
    try (var adm = admin()) {
      // As after a restart or failover that lost the users not saved to the ACL file.
      adm.sendCommand(Protocol.Command.ACL, "DELUSER", Names.redisUser(app.ref()));
    }
    var restored = redis.ensure(app.ref(), app.prefix(), Optional.of(password));
    assertThat(restored.change()).isEqualTo(Change.CREATED);
    assertThat(restored.secret()).isEmpty();
    assertThat(redis.verify(app.ref(), password)).isTrue();
    try (var j = as(app, password)) {
      assertNoPermission(() -> j.get("elsewhere"));
    }
    // A user that exists keeps its own password: the known one is only for recreating it.
    var other = Secret.generate();
    assertThat(redis.ensure(app.ref(), app.prefix(), Optional.of(other)).change()).isEqualTo(Change.UNCHANGED);
    assertThat(redis.verify(app.ref(), other)).isFalse();
  }

  @Test
  void ensureTellsWhetherTheKnownPasswordLogsInAsALoginWould() {
    var app = newApp("checking");
    var password = created(redis.ensure(app.ref(), app.prefix()));
    assertThat(redis.ensureChecking(app.ref(), app.prefix(), Optional.of(password)).knownAccepted()).isTrue();
    assertThat(redis.ensureChecking(app.ref(), app.prefix(), Optional.of(Secret.generate())).knownAccepted()).isFalse();
    try (var adm = admin()) {
      // Drift that keeps the password: the rules are repaired and the password still works.
      adm.sendCommand(Protocol.Command.ACL, "SETUSER", Names.redisUser(app.ref()), "off", "allkeys");
    }
    var repaired = redis.ensureChecking(app.ref(), app.prefix(), Optional.of(password));
    assertThat(repaired.outcome().change()).isEqualTo(Change.UPDATED);
    assertThat(repaired.knownAccepted()).isTrue();
    try (var j = as(app, password)) {
      assertThat(j.ping()).isEqualTo("PONG");
    }
    try (var adm = admin()) {
      // A password changed behind the operator's back: the stored one no longer logs in.
      adm.sendCommand(Protocol.Command.ACL, "SETUSER", Names.redisUser(app.ref()), "resetpass", ">someone-elses");
    }
    assertThat(redis.ensureChecking(app.ref(), app.prefix(), Optional.of(password)).knownAccepted()).isFalse();
    assertThatThrownBy(() -> as(app, password).ping()).isInstanceOf(JedisException.class);
  }

  @Test
  void rotationRetiresTheOldPassword() {
    var app = newApp("rotate");
    var old = created(redis.ensure(app.ref(), app.prefix()));
    var rotated = redis.rotate(app.ref());
    assertThat(rotated.change()).isEqualTo(Change.UPDATED);
    var fresh = rotated.secret().orElseThrow();
    assertThat(redis.verify(app.ref(), old)).isFalse();
    assertThat(redis.verify(app.ref(), fresh)).isTrue();
    assertThatThrownBy(() -> as(app, old).ping()).isInstanceOf(JedisException.class);
    try (var j = as(app, fresh)) {
      assertThat(j.ping()).isEqualTo("PONG");
    }
    assertThat(redis.ensure(app.ref(), app.prefix()).change()).isEqualTo(Change.UNCHANGED);
    assertThat(redis.rotate(newApp("never-made").ref()).change()).isEqualTo(Change.ABSENT);
  }

  @Test
  void deleteEndsAccessAndKeepsOrDropsTheKeys() {
    var keep = newApp("keep");
    var keepPassword = created(redis.ensure(keep.ref(), keep.prefix()));
    var open = as(keep, keepPassword);
    open.set(keep.prefix() + "k", "kept");
    assertThat(redis.delete(keep.ref(), Optional.empty()).change())
        .isEqualTo(Change.DELETED);
    assertThat(redis.verify(keep.ref(), keepPassword)).isFalse();
    assertThatThrownBy(open::ping).as("the app's open connection is closed")
        .isInstanceOf(JedisConnectionException.class);
    open.close();
    var drop = newApp("drop");
    var dropPassword = created(redis.ensure(drop.ref(), drop.prefix()));
    try (var j = as(drop, dropPassword)) {
      for (int i = 0; i < 1200; i++) {
        j.set(drop.prefix().value() + i, "x");
      }
    }
    assertThat(redis.delete(drop.ref(), Optional.of(drop.prefix())).change())
        .isEqualTo(Change.DELETED);
    try (var adm = admin()) {
      assertThat(adm.get(keep.prefix() + "k")).isEqualTo("kept");
      assertThat(adm.exists(drop.prefix() + "0")).isFalse();
      assertThat(adm.exists(drop.prefix() + "1199")).isFalse();
    }
    assertThat(redis.delete(drop.ref(), Optional.of(drop.prefix())).change())
        .isEqualTo(Change.ABSENT);
  }

  @Test
  void keysAnotherUsersPatternCoversAreNotDeleted() {
    // A prefix that another app's ACL user also covers (it was recorded wrongly, or the other
    // user was made by hand): dropping the data must not take that user's keys with it.
    var owner = newApp("owner");
    var ownerPassword = created(redis.ensure(owner.ref(), owner.prefix()));
    try (var j = as(owner, ownerPassword)) {
      j.set(owner.prefix() + "precious", "1");
    }
    var other = newApp("other");
    var otherPassword = created(redis.ensure(other.ref(), other.prefix()));
    var shortened = KeyPrefix.of(owner.prefix().value().substring(0, owner.prefix().value().length() - 3));
    assertThat(redis.delete(other.ref(), Optional.of(shortened)).change()).isEqualTo(Change.DELETED);
    try (var adm = admin()) {
      assertThat(adm.get(owner.prefix() + "precious")).isEqualTo("1");
    }
    assertThat(redis.verify(other.ref(), otherPassword)).as("access is revoked all the same").isFalse();
  }

  @Test
  void overlappingPrefixIsRefusedWithoutWriting() {
    var first = newApp("first");
    created(redis.ensure(first.ref(), first.prefix()));
    var second = AppRef.of(TestServers.uniqueNamespace("rd"), "second");
    long countedBefore = writes.count();
    assertThatThrownBy(() -> redis.ensure(second, first.prefix()))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.unavailable()).as("a refusal").isFalse())
        .hasMessageContaining("overlaps").hasMessageContaining(Names.redisUser(first.ref()));
    assertThatThrownBy(() -> redis.ensure(second, KeyPrefix.of(first.prefix() + "nested:")))
        .isInstanceOf(ServiceException.class);
    assertThat(writes.count()).isEqualTo(countedBefore);
    try (var adm = admin()) {
      assertThat(adm.sendCommand(Protocol.Command.ACL, "GETUSER", Names.redisUser(second)))
          .isNull();
    }
  }

  @Test
  void twentyAppsInParallelAreEachCreatedOnce() throws Exception {
    var apps = new ArrayList<TestApp>();
    for (int i = 0; i < 20; i++) {
      apps.add(newApp("app-" + i));
    }
    var first = runInParallel(apps);
    assertThat(first).allSatisfy(o -> assertThat(o.change()).isEqualTo(Change.CREATED));
    assertThat(new HashSet<>(first.stream().map(o -> o.secret().orElseThrow()).toList()))
        .hasSize(20);
    assertThat(runInParallel(apps))
        .allSatisfy(o -> assertThat(o.change()).isEqualTo(Change.UNCHANGED));
    var users = aclList();
    for (var app : apps) {
      assertThat(users).filteredOn(l -> ((String) l).startsWith(
          "user " + Names.redisUser(app.ref()) + " ")).hasSize(1);
    }
  }

  private static List<Outcome> runInParallel(List<TestApp> apps) throws Exception {
    try (var pool = Executors.newFixedThreadPool(apps.size())) {
      var tasks = new ArrayList<Callable<Outcome>>();
      for (var app : apps) {
        tasks.add(() -> redis.ensure(app.ref(), app.prefix()));
      }
      var outcomes = new ArrayList<Outcome>();
      for (Future<Outcome> f : pool.invokeAll(tasks)) {
        outcomes.add(f.get());
      }
      return outcomes;
    }
  }

  @Test
  void anUnreachableServerIsReportedUnavailable() {
    try (var nowhere = new RedisProvisioner(
        new RedisServer("127.0.0.1", 1, "admin", Secret.of("x")), new Writes())) {
      var app = AppRef.of("team-a", "greeter");
      assertThatThrownBy(() -> nowhere.ensure(app, KeyPrefix.of("greeter:")))
          .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.unavailable()).isTrue());
      assertThatThrownBy(() -> nowhere.verify(app, Secret.of("x")))
          .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.unavailable()).isTrue());
    }
  }

  @Test
  void badPrefixIsRejectedBeforeAnyServerCall() {
    try (var nowhere = new RedisProvisioner(
        new RedisServer("127.0.0.1", 1, "admin", Secret.of("x")), new Writes())) {
      var app = AppRef.of("team-a", "greeter");
      assertThatThrownBy(() -> nowhere.ensure(app, KeyPrefix.of("greeter:* ~*")))
          .isInstanceOf(InvalidNameException.class);
    }
  }
}
