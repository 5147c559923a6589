package dev.wharf.operator.reconcile;

import static dev.wharf.operator.testing.OperatorHarness.fullSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.DeletionPolicy;
import dev.wharf.api.MySqlPrivileges;
import dev.wharf.api.MySqlSpec;
import dev.wharf.api.RedisSpec;
import dev.wharf.api.RegistrySpec;
import dev.wharf.operator.stub.HarborStub;
import dev.wharf.operator.testing.OperatorHarness;
import dev.wharf.operator.testing.RbacCheck;
import dev.wharf.operator.testing.TestOidc;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;

/**
 * The operator end to end in one JVM. Kubernetes API: fabric8's mock server in CRUD mode, with
 * JOSDK configured without server-side apply (the mock server does not implement it).
 * MySQL, Redis and Keycloak: the real local servers. OpenBao and Harbor: the contract stubs.
 * Each test uses its own App names so the tests do not depend on each other's order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppOperatorIT {
  static OperatorHarness h;
  /** Everything written to System.err while the operator runs (slf4j-simple logs there). */
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  static PrintStream originalErr;

  @BeforeAll
  static void start() {
    originalErr = System.err;
    System.setErr(new PrintStream(new OutputStream() {
      @Override public void write(int b) {
        originalErr.write(b);
        synchronized (LOG) {
          LOG.write(b);
        }
      }

      @Override public void write(byte[] b, int off, int len) {
        originalErr.write(b, off, len);
        synchronized (LOG) {
          LOG.write(b, off, len);
        }
      }
    }, true));
    h = new OperatorHarness(Duration.ofMinutes(5));
  }

  @AfterAll
  static void stop() {
    if (h != null) {
      h.close();
    }
    System.setErr(originalErr);
  }

  /**
   * Runs after the other cases: every request the operator sent to the API server (informer,
   * finalizer, status, the objects in app namespaces, namespace labels) is one that the
   * operator's RBAC grants: gitops/services/wharf-operator/rbac.yaml cluster-wide, and the
   * RoleBinding of gitops/tenants/template in each tenant namespace the harness made.
   */
  @Test
  @Order(Integer.MAX_VALUE - 1)
  void theOperatorsRbacGrantsEveryRequestItMade() {
    var rbac = RbacCheck.fromTree(h.kube.rbac().roleBindings().inAnyNamespace().list().getItems());
    var used = h.takeOperatorRequests().stream().map(RbacCheck::attributes).collect(java.util.stream.Collectors.toSet());
    assertThat(used).extracting(Object::toString).as("the other cases exercised the operator")
        .contains("watch platform.wharf.dev/apps", "patch platform.wharf.dev/apps/status in team-a",
            "create core/serviceaccounts in team-a", "patch networking.k8s.io/networkpolicies in team-a",
            "get core/namespaces in shared");
    assertThat(used).filteredOn(a -> !rbac.allows(a)).as("requests the operator's RBAC does not grant").isEmpty();
  }

  /**
   * Runs after the other cases: no password, client secret or robot secret the operator ever
   * stored, and no admin secret, appears in its log, in any App's status or in any event.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void noSecretReachedTheLogStatusOrEvents() {
    List<String> secrets = new java.util.ArrayList<>(List.of(OperatorHarness.OPENBAO_TOKEN, OperatorHarness.HARBOR_PASSWORD,
        h.runtime.mysql().adminPassword(), h.runtime.redis().adminPassword(), h.runtime.keycloak().adminPassword()));
    h.openBao.everWritten().forEach(kv -> kv.forEach((k, v) -> {
      if (k.endsWith("PASSWORD") || k.endsWith("SECRET")) {
        secrets.add(v);
      }
    }));
    assertThat(secrets).as("the other cases stored credentials").hasSizeGreaterThan(5);
    String log;
    synchronized (LOG) {
      log = LOG.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(log).as("the operator logged").contains("Ready=true");
    String statuses = Serialization.asJson(h.kube.resources(App.class).inAnyNamespace().list());
    String events = Serialization.asJson(h.kube.v1().events().inAnyNamespace().list());
    // Booleans, so that a failure does not print the secret (and the whole log) itself.
    for (int i = 0; i < secrets.size(); i++) {
      String secret = secrets.get(i);
      assertThat(log.contains(secret)).as("secret #%d appears in the operator log", i).isFalse();
      assertThat(statuses.contains(secret)).as("secret #%d appears in an App status", i).isFalse();
      assertThat(events.contains(secret)).as("secret #%d appears in an event", i).isFalse();
    }
  }

  static App create(String ns, String name, AppSpec spec) {
    return h.kube.resource(new App(ns, name, spec)).create();
  }

  static App awaitCondition(String ns, String name, String type, boolean wanted) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
      App a = h.app(ns, name);
      return a != null && a.getStatus() != null && a.getStatus().condition(type)
          .map(c -> c.getStatus().equals(wanted ? "True" : "False")).orElse(false);
    });
    return h.app(ns, name);
  }

  /** Deletes the App and waits until the operator's cleanup has let it go. */
  static void deleteAndAwaitGone(String ns, String name) {
    h.kube.resources(App.class).inNamespace(ns).withName(name).delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> h.app(ns, name) == null);
  }

  static App awaitReady(String ns, String name) {
    return awaitCondition(ns, name, AppStatus.READY, true);
  }

  /** Makes the operator reconcile an unchanged App (as the periodic resync does) and waits for it. */
  static void resync(String ns, String name) {
    long before = h.operator.reconciles();
    h.requestResync(ns, name);
    await().atMost(Duration.ofSeconds(30)).until(() -> h.operator.reconciles() > before);
  }

  static Map<String, String> kv(String ns, String name) {
    return h.openBao.kv("apps/" + ns + "/" + name);
  }

  static boolean mysqlLogin(Map<String, String> kv) {
    try (var c = DriverManager.getConnection(kv.get("MYSQL_URL"), kv.get("MYSQL_USERNAME"), kv.get("MYSQL_PASSWORD"))) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  static boolean redisLogin(Map<String, String> kv) {
    try (Jedis j = new Jedis(URI.create(kv.get("REDIS_URL")))) {
      j.auth(kv.get("REDIS_USERNAME"), kv.get("REDIS_PASSWORD"));
      j.set(kv.get("REDIS_KEY_PREFIX") + "probe", "1");
      return true;
    } catch (JedisAccessControlException e) {
      return false;
    }
  }

  @Test
  void createdAppBecomesReadyWithEveryObjectAndExternalResource() {
    create("team-a", "greeter", fullSpec("team-a"));
    App app = awaitReady("team-a", "greeter");

    assertThat(app.getStatus().getObservedGeneration()).isEqualTo(app.getMetadata().getGeneration());
    for (String type : List.of(AppStatus.MYSQL_READY, AppStatus.REDIS_READY, AppStatus.OIDC_READY,
        AppStatus.REGISTRY_READY, AppStatus.SECRETS_READY)) {
      assertThat(app.getStatus().condition(type)).get().satisfies(c -> {
        assertThat(c.getStatus()).isEqualTo("True");
        assertThat(c.getReason()).isEqualTo(type.equals(AppStatus.SECRETS_READY) ? "Stored" : "Provisioned");
        assertThat(c.getObservedGeneration()).isEqualTo(app.getMetadata().getGeneration());
      });
    }
    Map<String, String> kv = kv("team-a", "greeter");
    assertThat(kv).containsKeys("MYSQL_URL", "MYSQL_USERNAME", "MYSQL_PASSWORD", "REDIS_URL", "REDIS_USERNAME",
        "REDIS_PASSWORD", "REDIS_KEY_PREFIX", "OIDC_ISSUER_URI", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET",
        "REGISTRY_USERNAME", "REGISTRY_PASSWORD");
    assertThat(kv.get("REDIS_KEY_PREFIX")).isEqualTo("greeter:");
    assertThat(mysqlLogin(kv)).isTrue();
    assertThat(redisLogin(kv)).isTrue();
    assertThat(TestOidc.clientSecretWorks(h.runtime, kv.get("OIDC_CLIENT_ID"), kv.get("OIDC_CLIENT_SECRET"))).isTrue();
    assertThat(h.harbor.robotLoginWorks(kv.get("REGISTRY_USERNAME"), kv.get("REGISTRY_PASSWORD"))).isTrue();
    assertThat(h.openBao.policyNames()).as("no policy of its own: wharf-app covers every app")
        .noneMatch(p -> p.startsWith("wharf-app-"));
    assertThat(h.openBao.roleNames()).containsExactlyInAnyOrder("external-secrets", "wharf-operator", "wharf-app");

    assertThat(h.kube.serviceAccounts().inNamespace("team-a").withName("greeter").get().getImagePullSecrets())
        .singleElement().satisfies(r -> assertThat(r.getName()).isEqualTo("greeter-registry"));
    assertThat(h.kube.configMaps().inNamespace("team-a").withName("greeter-dashboard").get()).isNotNull();
    assertThat(h.kube.network().v1().networkPolicies().inNamespace("team-a").withName("greeter-platform-egress").get()).isNotNull();
    assertThat(externalSecret("team-a", "greeter-platform")).isNotNull();
    assertThat(externalSecret("team-a", "greeter-registry")).isNotNull();
    assertThat(h.kube.genericKubernetesResources(KubeObjectsStep.SECRET_STORE).inNamespace("team-a").withName("greeter-openbao").get()).isNotNull();

    String status = Serialization.asJson(app.getStatus());
    kv.forEach((k, v) -> {
      if (k.endsWith("PASSWORD") || k.endsWith("SECRET")) {
        assertThat(status).doesNotContain(v);
      }
    });
  }

  @Test
  void resyncOfAnUnchangedAppWritesNothingExternally() {
    create("team-a", "steady", fullSpec("team-a"));
    awaitReady("team-a", "steady");
    resync("team-a", "steady");
    h.awaitQuiet(Duration.ofSeconds(30)); // no other App's reconcile may run into the count
    long writes = h.externalWrites();
    resync("team-a", "steady");
    resync("team-a", "steady");
    assertThat(h.externalWrites()).isEqualTo(writes);
  }

  @Test
  void deletedUsersClientAndRobotAreRecreatedAndTheirNewSecretsStored() throws Exception {
    create("team-a", "drift", fullSpec("team-a"));
    awaitReady("team-a", "drift");
    Map<String, String> before = kv("team-a", "drift");

    try (var c = DriverManager.getConnection(h.runtime.mysql().jdbcUrl(null), h.runtime.mysql().adminUser(), h.runtime.mysql().adminPassword());
         var s = c.createStatement()) {
      s.execute("DROP USER `" + before.get("MYSQL_USERNAME") + "`@`%`");
    }
    try (Jedis j = new Jedis(h.runtime.redis().host(), h.runtime.redis().port())) {
      j.auth(h.runtime.redis().adminUser(), h.runtime.redis().adminPassword());
      j.aclDelUser(before.get("REDIS_USERNAME"));
    }
    TestOidc.deleteClient(h.runtime, before.get("OIDC_CLIENT_ID"));
    h.harbor.robots().stream().filter(r -> r.name().equals(before.get("REGISTRY_USERNAME")))
        .forEach(r -> h.harbor.deleteRobotBehindTheBack(r.id()));
    h.kube.serviceAccounts().inNamespace("team-a").withName("drift").delete();
    h.kube.network().v1().networkPolicies().inNamespace("team-a").withName("drift-platform-egress")
        .edit(np -> { np.getSpec().setEgress(List.of()); return np; });

    resync("team-a", "drift");
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      Map<String, String> now = kv("team-a", "drift");
      return !now.get("MYSQL_PASSWORD").equals(before.get("MYSQL_PASSWORD"))
          && !now.get("OIDC_CLIENT_SECRET").equals(before.get("OIDC_CLIENT_SECRET"))
          && !now.get("REGISTRY_PASSWORD").equals(before.get("REGISTRY_PASSWORD"));
    });
    Map<String, String> after = kv("team-a", "drift");
    // A lost Redis user (as after a restart or failover) comes back with the stored password.
    assertThat(after.get("REDIS_PASSWORD")).isEqualTo(before.get("REDIS_PASSWORD"));
    assertThat(mysqlLogin(after)).isTrue();
    assertThat(redisLogin(after)).isTrue();
    assertThat(TestOidc.clientSecretWorks(h.runtime, after.get("OIDC_CLIENT_ID"), after.get("OIDC_CLIENT_SECRET"))).isTrue();
    assertThat(h.harbor.robotLoginWorks(after.get("REGISTRY_USERNAME"), after.get("REGISTRY_PASSWORD"))).isTrue();
    awaitReady("team-a", "drift");
    assertThat(h.kube.serviceAccounts().inNamespace("team-a").withName("drift").get()).as("ServiceAccount restored").isNotNull();
    assertThat(h.kube.network().v1().networkPolicies().inNamespace("team-a").withName("drift-platform-egress").get()
        .getSpec().getEgress()).as("NetworkPolicy repaired").isNotEmpty();
    assertThat(externalSecret("team-a", "drift-platform").getMetadata().getAnnotations())
        .containsEntry("platform.wharf.dev/secret-version", Integer.toString(h.openBao.kvVersions("apps/team-a/drift")));
  }

  @Test
  void rotateAnnotationRenewsEveryCredentialOnce() {
    create("team-a", "rotor", fullSpec("team-a"));
    awaitReady("team-a", "rotor");
    Map<String, String> before = kv("team-a", "rotor");

    h.patch("team-a", "rotor", "{\"metadata\":{\"annotations\":{\"" + App.ROTATE_ANNOTATION + "\":\"2026-01-01\"}}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> "2026-01-01".equals(h.app("team-a", "rotor").getStatus().getRotation()));

    Map<String, String> after = kv("team-a", "rotor");
    for (String key : List.of("MYSQL_PASSWORD", "REDIS_PASSWORD", "OIDC_CLIENT_SECRET", "REGISTRY_PASSWORD")) {
      assertThat(after.get(key)).as(key).isNotEqualTo(before.get(key));
    }
    assertThat(mysqlLogin(after)).isTrue();
    assertThat(mysqlLogin(before)).isFalse();
    assertThat(redisLogin(after)).isTrue();
    assertThat(h.harbor.robotLoginWorks(before.get("REGISTRY_USERNAME"), before.get("REGISTRY_PASSWORD"))).isFalse();
    // The ExternalSecret carries the new secret version, so ESO syncs the Secret at once.
    assertThat(externalSecret("team-a", "rotor-platform").getMetadata().getAnnotations())
        .containsEntry("platform.wharf.dev/secret-version", Integer.toString(h.openBao.kvVersions("apps/team-a/rotor")));

    int versions = h.openBao.kvVersions("apps/team-a/rotor");
    resync("team-a", "rotor");
    assertThat(h.openBao.kvVersions("apps/team-a/rotor")).as("handled once").isEqualTo(versions);
  }

  @Test
  void disablingRedisRemovesItsUserAndKeys() {
    create("team-a", "shrink", fullSpec("team-a"));
    awaitReady("team-a", "shrink");
    String redisUser = kv("team-a", "shrink").get("REDIS_USERNAME");

    h.patch("team-a", "shrink", "{\"spec\":{\"redis\":{\"enabled\":false}}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> h.app("team-a", "shrink").getStatus().condition(AppStatus.REDIS_READY)
        .map(c -> "Disabled".equals(c.getReason())).orElse(false));
    awaitReady("team-a", "shrink");

    try (Jedis j = new Jedis(h.runtime.redis().host(), h.runtime.redis().port())) {
      j.auth(h.runtime.redis().adminUser(), h.runtime.redis().adminPassword());
      assertThat(j.aclGetUser(redisUser)).isNull();
    }
    assertThat(kv("team-a", "shrink")).doesNotContainKeys("REDIS_URL", "REDIS_USERNAME", "REDIS_PASSWORD", "REDIS_KEY_PREFIX")
        .containsKey("MYSQL_PASSWORD");
    List<String> keys = Serialization.jsonMapper().valueToTree(externalSecret("team-a", "shrink-platform"))
        .at("/spec/data").findValuesAsText("secretKey");
    assertThat(keys).doesNotContain("REDIS_PASSWORD").contains("MYSQL_PASSWORD");
  }

  @Test
  void serverDownGivesFalseConditionAndRecoversWhenBack() {
    h.harbor.setUnavailable(true);
    try {
      create("team-b", "outage", fullSpec("team-b"));
      App app = awaitCondition("team-b", "outage", AppStatus.REGISTRY_READY, false);
      assertThat(app.getStatus().condition(AppStatus.REGISTRY_READY).orElseThrow().getReason()).isEqualTo("ServerUnavailable");
      assertThat(app.getStatus().condition(AppStatus.READY).orElseThrow().getStatus()).isEqualTo("False");
      assertThat(app.getStatus().isTrue(AppStatus.MYSQL_READY)).as("other capabilities go on").isTrue();
      assertThat(kv("team-b", "outage")).as("what succeeded is stored").containsKey("MYSQL_PASSWORD");
    } finally {
      h.harbor.setUnavailable(false);
    }
    awaitReady("team-b", "outage"); // backoff retries without any change to the App

    h.openBao.setUnavailable(true); // sealed
    try {
      resync("team-b", "outage");
      App sealed = awaitCondition("team-b", "outage", AppStatus.SECRETS_READY, false);
      assertThat(sealed.getStatus().condition(AppStatus.SECRETS_READY).orElseThrow().getReason()).isEqualTo("ServerUnavailable");
    } finally {
      h.openBao.setUnavailable(false);
    }
    awaitReady("team-b", "outage");
  }

  @Test
  void invalidSpecsGetAFalseConditionThatSaysWhatToDo() {
    create("team-a", "stranger", fullSpec("team-z"));
    App unknown = awaitCondition("team-a", "stranger", AppStatus.READY, false);
    assertThat(unknown.getStatus().condition(AppStatus.READY).orElseThrow()).satisfies(c -> {
      assertThat(c.getReason()).isEqualTo("InvalidSpec");
      assertThat(c.getMessage()).contains("unknown team 'team-z'", "team-a", "team-b");
    });

    create("team-b", "borrower", fullSpec("team-a"));
    App foreign = awaitCondition("team-b", "borrower", AppStatus.READY, false);
    assertThat(foreign.getStatus().condition(AppStatus.READY).orElseThrow().getMessage())
        .contains("namespace team-b does not belong to team team-a");

    AppSpec first = fullSpec("team-a");
    first.setRedis(new RedisSpec(true, "shared:"));
    create("team-a", "first", first);
    awaitReady("team-a", "first");
    AppSpec second = fullSpec("team-a");
    second.setRedis(new RedisSpec(true, "shared:cache:"));
    create("team-a", "second", second);
    App conflict = awaitCondition("team-a", "second", AppStatus.READY, false);
    assertThat(conflict.getStatus().condition(AppStatus.READY).orElseThrow()).satisfies(c -> {
      assertThat(c.getReason()).isEqualTo("KeyPrefixConflict");
      assertThat(c.getMessage()).contains("team-a/first");
    });
    assertThat(kv("team-a", "stranger")).as("nothing provisioned for an invalid spec").isNull();

    // A valid Kubernetes name that is not a DNS label, so it cannot name a database or a role.
    create("team-a", "my.app", fullSpec("team-a"));
    App dotted = awaitCondition("team-a", "my.app", AppStatus.READY, false);
    assertThat(dotted.getStatus().condition(AppStatus.READY).orElseThrow()).satisfies(c -> {
      assertThat(c.getReason()).isEqualTo("InvalidSpec");
      assertThat(c.getMessage()).contains("\"my.app\"", "DNS label");
    });
    deleteAndAwaitGone("team-a", "my.app");
  }

  @Test
  void deleteUnderRetainRevokesAccessButKeepsData() throws Exception {
    create("team-a", "keeper", fullSpec("team-a"));
    awaitReady("team-a", "keeper");
    Map<String, String> kv = kv("team-a", "keeper");
    assertThat(redisLogin(kv)).isTrue(); // writes keeper:probe

    deleteAndAwaitGone("team-a", "keeper");

    assertThat(mysqlLogin(kv)).isFalse();
    assertThat(redisLogin(kv)).isFalse();
    assertThat(databaseExists(kv)).isTrue();
    assertThat(redisKeyExists("keeper:probe")).isTrue();
    assertRevoked("keeper", kv);
  }

  @Test
  void deleteUnderDeleteAlsoDropsTheData() throws Exception {
    AppSpec spec = fullSpec("team-a");
    spec.setDeletionPolicy(DeletionPolicy.Delete);
    create("team-a", "dropper", spec);
    awaitReady("team-a", "dropper");
    Map<String, String> kv = kv("team-a", "dropper");
    assertThat(redisLogin(kv)).isTrue();

    deleteAndAwaitGone("team-a", "dropper");

    assertThat(databaseExists(kv)).isFalse();
    assertThat(redisKeyExists("dropper:probe")).isFalse();
    assertRevoked("dropper", kv);
  }

  @Test
  void twoAppsCannotReadEachOthersOpenBaoPath() throws Exception {
    create("team-a", "alpha", fullSpec("team-a"));
    create("team-b", "beta", fullSpec("team-b"));
    awaitReady("team-a", "alpha");
    awaitReady("team-b", "beta");

    // As ESO logs in through the SecretStore the operator made: role wharf-app, the app's ServiceAccount.
    String role = secretStoreRole("team-a", "alpha-openbao");
    assertThat(role).isEqualTo("wharf-app");
    String alphaToken = login(role, "sa:team-a:alpha");
    assertThat(read(alphaToken, "wharf/data/apps/team-a/alpha")).isEqualTo(200);
    assertThat(read(alphaToken, "wharf/data/apps/team-b/beta")).isEqualTo(403);
    assertThat(read(alphaToken, "wharf/metadata/apps/team-b/beta")).isEqualTo(403);
    String betaToken = login(role, "sa:team-b:beta");
    assertThat(read(betaToken, "wharf/data/apps/team-a/alpha")).isEqualTo(403);
    assertThat(read(betaToken, "wharf/data/apps/team-b/beta")).isEqualTo(200);
    // Another ServiceAccount of alpha's namespace reads nothing of alpha's.
    assertThat(read(login(role, "sa:team-a:default"), "wharf/data/apps/team-a/alpha")).isEqualTo(403);
    // A ServiceAccount outside the tenant namespaces cannot log in at all.
    assertThat(loginStatus(role, "sa:kube-system:alpha")).isEqualTo(403);
  }

  @Test
  void labelledNamespaceMayHostATeamsAppAndMovingTeamsMovesThePullAccess() {
    h.tenantNamespace("shared", "team-a");
    AppSpec spec = new AppSpec("team-a");
    spec.setRegistry(new RegistrySpec(true));
    create("shared", "mover", spec);
    awaitReady("shared", "mover");
    String before = kv("shared", "mover").get("REGISTRY_USERNAME");
    assertThat(before).startsWith("robot$team-a+");

    h.kube.namespaces().withName("shared").edit(ns -> { ns.getMetadata().getLabels().put("platform.wharf.dev/team", "team-b"); return ns; });
    h.patch("shared", "mover", "{\"spec\":{\"team\":\"team-b\"}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> kv("shared", "mover").get("REGISTRY_USERNAME").startsWith("robot$team-b+"));
    awaitReady("shared", "mover");
    assertThat(h.harbor.robots()).extracting(HarborStub.StoredRobot::name).doesNotContain(before);
  }

  @Test
  void appNameThatHarborWouldRefuseStillGetsPullAccess() {
    AppSpec spec = new AppSpec("team-a");
    spec.setRegistry(new RegistrySpec(true));
    create("team-a", "my--app", spec); // a valid DNS label; Harbor robot names may not hold "--"
    awaitReady("team-a", "my--app");
    Map<String, String> kv = kv("team-a", "my--app");
    assertThat(h.harbor.robotLoginWorks(kv.get("REGISTRY_USERNAME"), kv.get("REGISTRY_PASSWORD"))).isTrue();
  }

  @Test
  void userCreatedButPasswordNeverStoredGetsANewStoredPassword() {
    // As if the operator had crashed right after creating the user: it exists, OpenBao has nothing.
    var ref = dev.wharf.provisioning.AppRef.of("team-a", "crashed");
    h.operator.backends().mysql().ensure(ref, dev.wharf.provisioning.mysql.MySqlPrivileges.READ_WRITE);
    AppSpec spec = new AppSpec("team-a");
    spec.setMysql(new MySqlSpec(true, MySqlPrivileges.READ_WRITE));
    create("team-a", "crashed", spec);
    awaitReady("team-a", "crashed");
    assertThat(mysqlLogin(kv("team-a", "crashed"))).isTrue();
  }

  @Test
  void credentialsLostFromOpenBaoAreReplacedAndTheOldRobotRemoved() {
    create("team-a", "amnesia", fullSpec("team-a"));
    awaitReady("team-a", "amnesia");
    Map<String, String> before = kv("team-a", "amnesia");

    // Harbor never shows a robot's secret again: the robot must be replaced, not kept unusable.
    h.openBao.deleteKvBehindTheBack("apps/team-a/amnesia");
    resync("team-a", "amnesia");
    await().atMost(Duration.ofSeconds(30)).until(() -> kv("team-a", "amnesia") != null);
    Map<String, String> after = kv("team-a", "amnesia");
    assertThat(mysqlLogin(after)).isTrue();
    assertThat(redisLogin(after)).isTrue();
    assertThat(TestOidc.clientSecretWorks(h.runtime, after.get("OIDC_CLIENT_ID"), after.get("OIDC_CLIENT_SECRET"))).isTrue();
    assertThat(h.harbor.robotLoginWorks(after.get("REGISTRY_USERNAME"), after.get("REGISTRY_PASSWORD"))).isTrue();
    assertThat(after.get("REGISTRY_ROBOT_ID")).isNotEqualTo(before.get("REGISTRY_ROBOT_ID"));
    assertThat(h.harbor.robots()).extracting(HarborStub.StoredRobot::id)
        .doesNotContain(Long.parseLong(before.get("REGISTRY_ROBOT_ID")));
    awaitReady("team-a", "amnesia");
  }

  @Test
  void appsWhoseNamesOnceSharedAnOpenBaoRoleAreBothReadyAndApart() throws Exception {
    // team-a/x and team/a-x once both mapped to role team-a-x; namespace and name are now apart.
    h.tenantNamespace("team", "team-a");
    AppSpec spec = new AppSpec("team-a");
    spec.setMysql(new MySqlSpec(true, MySqlPrivileges.READ_WRITE));
    spec.setRegistry(new RegistrySpec(true));
    create("team-a", "x", spec);
    create("team", "a-x", spec);
    awaitReady("team-a", "x");
    awaitReady("team", "a-x");
    String x = login("wharf-app", "sa:team-a:x");
    String ax = login("wharf-app", "sa:team:a-x");
    assertThat(read(x, "wharf/data/apps/team-a/x")).isEqualTo(200);
    assertThat(read(x, "wharf/data/apps/team/a-x")).isEqualTo(403);
    assertThat(read(ax, "wharf/data/apps/team/a-x")).isEqualTo(200);
    assertThat(read(ax, "wharf/data/apps/team-a/x")).isEqualTo(403);

    deleteAndAwaitGone("team", "a-x");
    assertThat(mysqlLogin(kv("team-a", "x"))).isTrue();
    assertThat(read(x, "wharf/data/apps/team-a/x")).isEqualTo(200);
  }

  @Test
  void anAppNamedLikeAPlatformRoleIsAnOrdinaryAppAndLeavesThatRole() throws Exception {
    h.tenantNamespace("external", "team-a");
    AppSpec spec = new AppSpec("team-a");
    spec.setMysql(new MySqlSpec(true, MySqlPrivileges.READ_WRITE));
    create("external", "secrets", spec);
    awaitReady("external", "secrets");
    deleteAndAwaitGone("external", "secrets");
    assertThat(h.openBao.role("external-secrets").path("bound_service_account_namespaces").get(0).asText())
        .isEqualTo("external-secrets");
  }

  private static void assertRevoked(String name, Map<String, String> kv) {
    assertThat(kv("team-a", name)).isNull();
    assertThat(h.harbor.robots()).extracting(HarborStub.StoredRobot::name).doesNotContain(kv.get("REGISTRY_USERNAME"));
    assertThat(TestOidc.clientSecretWorks(h.runtime, kv.get("OIDC_CLIENT_ID"), kv.get("OIDC_CLIENT_SECRET"))).isFalse();
  }

  private static boolean databaseExists(Map<String, String> kv) throws SQLException {
    String db = kv.get("MYSQL_URL").substring(kv.get("MYSQL_URL").lastIndexOf('/') + 1);
    try (var c = DriverManager.getConnection(h.runtime.mysql().jdbcUrl(null), h.runtime.mysql().adminUser(), h.runtime.mysql().adminPassword());
         var ps = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
      ps.setString(1, db);
      return ps.executeQuery().next();
    }
  }

  private static boolean redisKeyExists(String key) {
    try (Jedis j = new Jedis(h.runtime.redis().host(), h.runtime.redis().port())) {
      j.auth(h.runtime.redis().adminUser(), h.runtime.redis().adminPassword());
      return j.exists(key);
    }
  }

  private static GenericKubernetesResource externalSecret(String ns, String name) {
    return h.kube.genericKubernetesResources(KubeObjectsStep.EXTERNAL_SECRET).inNamespace(ns).withName(name).get();
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(h.openBao.uri().resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int loginStatus(String role, String jwt) throws Exception {
    return post("/v1/auth/kubernetes/login", "{\"role\":\"" + role + "\",\"jwt\":\"" + jwt + "\"}").statusCode();
  }

  private static String login(String role, String jwt) throws Exception {
    var resp = post("/v1/auth/kubernetes/login", "{\"role\":\"" + role + "\",\"jwt\":\"" + jwt + "\"}");
    assertThat(resp.statusCode()).isEqualTo(200);
    return Serialization.jsonMapper().readTree(resp.body()).at("/auth/client_token").asText();
  }

  private static String secretStoreRole(String ns, String name) {
    return h.kube.genericKubernetesResources(KubeObjectsStep.SECRET_STORE).inNamespace(ns).withName(name).get()
        .get("spec", "provider", "vault", "auth", "kubernetes", "role");
  }

  private static int read(String token, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(h.openBao.uri().resolve("/v1/" + path)).header("X-Vault-Token", token).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
