package dev.wharf.operator.reconcile;

import static dev.wharf.operator.testing.OperatorHarness.fullSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.MySqlSpec;
import dev.wharf.api.RedisSpec;
import dev.wharf.api.RegistrySpec;
import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.operator.stub.HarborStub;
import dev.wharf.operator.testing.OperatorHarness;
import dev.wharf.operator.testing.TestOidc;
import dev.wharf.provisioning.StoredSecret;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The operator end to end in one JVM. Kubernetes API: fabric8's mock server in CRUD mode, with
 * JOSDK configured without server-side apply (the mock server does not implement it).
 * MySQL, Redis and Keycloak: the real local servers. OpenBao and Harbor: the contract stubs.
 * Each test uses its own App names and checks only what it did itself, so the tests do not
 * depend on each other or on their order.
 */
class AppOperatorIT extends WithOperator {
  @Test
  void createdAppBecomesReadyWithEveryObjectAndExternalResource() {
    apps.create("team-a", "greeter", fullSpec("team-a"));
    App app = apps.awaitReady("team-a", "greeter");

    assertThat(app.getStatus().getObservedGeneration()).isEqualTo(app.getMetadata().getGeneration());
    for (String type : List.of(AppStatus.MYSQL_READY, AppStatus.REDIS_READY, AppStatus.OIDC_READY,
        AppStatus.REGISTRY_READY, AppStatus.SECRETS_READY)) {
      assertThat(app.getStatus().condition(type)).get().satisfies(c -> {
        assertThat(c.getStatus()).isEqualTo("True");
        assertThat(c.getReason()).isEqualTo(type.equals(AppStatus.SECRETS_READY) ? "Stored" : "Provisioned");
        assertThat(c.getObservedGeneration()).isEqualTo(app.getMetadata().getGeneration());
      });
    }
    Map<String, String> kv = apps.kv("team-a", "greeter");
    assertThat(kv).containsKeys("MYSQL_URL", "MYSQL_USERNAME", "MYSQL_PASSWORD", "REDIS_URL", "REDIS_USERNAME",
        "REDIS_PASSWORD", "REDIS_KEY_PREFIX", "OIDC_ISSUER_URI", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET",
        "REGISTRY_USERNAME", "REGISTRY_PASSWORD");
    assertThat(kv.get("REDIS_KEY_PREFIX")).isEqualTo("greeter:");
    assertThat(apps.mysqlLogin(kv)).isTrue();
    assertThat(apps.redisLogin(kv)).isTrue();
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
    apps.create("team-a", "steady", fullSpec("team-a"));
    apps.awaitReady("team-a", "steady");
    apps.resync("team-a", "steady");
    h.awaitQuiet(Duration.ofSeconds(30)); // no other App's reconcile may run into the count
    long writes = h.externalWrites();
    apps.resync("team-a", "steady");
    apps.resync("team-a", "steady");
    assertThat(h.externalWrites()).isEqualTo(writes);
  }

  @Test
  void deletedUsersClientAndRobotAreRecreatedAndTheirNewSecretsStored() throws Exception {
    apps.create("team-a", "drift", fullSpec("team-a"));
    apps.awaitReady("team-a", "drift");
    Map<String, String> before = apps.kv("team-a", "drift");

    try (var c = DriverManager.getConnection(h.runtime.mysql().jdbcUrl(null), h.runtime.mysql().adminUser(), h.runtime.mysql().adminPassword().reveal());
         var s = c.createStatement()) {
      s.execute("DROP USER `" + before.get("MYSQL_USERNAME") + "`@`%`");
    }
    try (Jedis j = new Jedis(h.runtime.redis().host(), h.runtime.redis().port())) {
      j.auth(h.runtime.redis().adminUser(), h.runtime.redis().adminPassword().reveal());
      j.aclDelUser(before.get("REDIS_USERNAME"));
    }
    TestOidc.deleteClient(h.runtime, before.get("OIDC_CLIENT_ID"));
    h.harbor.robots().stream().filter(r -> r.name().equals(before.get("REGISTRY_USERNAME")))
        .forEach(r -> h.harbor.deleteRobotBehindTheBack(r.id()));
    h.kube.serviceAccounts().inNamespace("team-a").withName("drift").delete();
    h.kube.network().v1().networkPolicies().inNamespace("team-a").withName("drift-platform-egress")
        .edit(np -> { np.getSpec().setEgress(List.of()); return np; });

    apps.resync("team-a", "drift");
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      Map<String, String> now = apps.kv("team-a", "drift");
      return !now.get("MYSQL_PASSWORD").equals(before.get("MYSQL_PASSWORD"))
          && !now.get("OIDC_CLIENT_SECRET").equals(before.get("OIDC_CLIENT_SECRET"))
          && !now.get("REGISTRY_PASSWORD").equals(before.get("REGISTRY_PASSWORD"));
    });
    Map<String, String> after = apps.kv("team-a", "drift");
    // A lost Redis user (as after a restart or failover) comes back with the stored password.
    assertThat(after.get("REDIS_PASSWORD")).isEqualTo(before.get("REDIS_PASSWORD"));
    assertThat(apps.mysqlLogin(after)).isTrue();
    assertThat(apps.redisLogin(after)).isTrue();
    assertThat(TestOidc.clientSecretWorks(h.runtime, after.get("OIDC_CLIENT_ID"), after.get("OIDC_CLIENT_SECRET"))).isTrue();
    assertThat(h.harbor.robotLoginWorks(after.get("REGISTRY_USERNAME"), after.get("REGISTRY_PASSWORD"))).isTrue();
    apps.awaitReady("team-a", "drift");
    assertThat(h.kube.serviceAccounts().inNamespace("team-a").withName("drift").get()).as("ServiceAccount restored").isNotNull();
    assertThat(h.kube.network().v1().networkPolicies().inNamespace("team-a").withName("drift-platform-egress").get()
        .getSpec().getEgress()).as("NetworkPolicy repaired").isNotEmpty();
    assertThat(externalSecret("team-a", "drift-platform").getMetadata().getAnnotations())
        .containsEntry("platform.wharf.dev/secret-version", Integer.toString(h.openBao.kvVersions("apps/team-a/drift")));
  }

  @Test
  void rotateAnnotationRenewsEveryCredentialOnce() {
    apps.create("team-a", "rotor", fullSpec("team-a"));
    apps.awaitReady("team-a", "rotor");
    Map<String, String> before = apps.kv("team-a", "rotor");

    h.patch("team-a", "rotor", "{\"metadata\":{\"annotations\":{\"" + App.ROTATE_ANNOTATION + "\":\"2026-01-01\"}}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> "2026-01-01".equals(h.app("team-a", "rotor").getStatus().getRotation()));

    Map<String, String> after = apps.kv("team-a", "rotor");
    for (String key : List.of("MYSQL_PASSWORD", "REDIS_PASSWORD", "OIDC_CLIENT_SECRET", "REGISTRY_PASSWORD")) {
      assertThat(after.get(key)).as(key).isNotEqualTo(before.get(key));
    }
    assertThat(apps.mysqlLogin(after)).isTrue();
    assertThat(apps.mysqlLogin(before)).isFalse();
    assertThat(apps.redisLogin(after)).isTrue();
    assertThat(h.harbor.robotLoginWorks(before.get("REGISTRY_USERNAME"), before.get("REGISTRY_PASSWORD"))).isFalse();
    assertThat(h.harbor.robotLoginWorks(after.get("REGISTRY_USERNAME"), after.get("REGISTRY_PASSWORD"))).isTrue();
    assertThat(after.get("REGISTRY_ROBOT_ID")).as("the same robot, its secret set in place")
        .isEqualTo(before.get("REGISTRY_ROBOT_ID"));
    // The ExternalSecret carries the new secret version, so ESO syncs the Secret at once.
    assertThat(externalSecret("team-a", "rotor-platform").getMetadata().getAnnotations())
        .containsEntry("platform.wharf.dev/secret-version", Integer.toString(h.openBao.kvVersions("apps/team-a/rotor")));

    int versions = h.openBao.kvVersions("apps/team-a/rotor");
    apps.resync("team-a", "rotor");
    assertThat(h.openBao.kvVersions("apps/team-a/rotor")).as("handled once").isEqualTo(versions);
  }

  @Test
  void disablingRedisRemovesItsUserAndKeys() {
    apps.create("team-a", "shrink", fullSpec("team-a"));
    apps.awaitReady("team-a", "shrink");
    String redisUser = apps.kv("team-a", "shrink").get("REDIS_USERNAME");

    h.patch("team-a", "shrink", "{\"spec\":{\"redis\":{\"enabled\":false}}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> h.app("team-a", "shrink").getStatus().condition(AppStatus.REDIS_READY)
        .map(c -> "Disabled".equals(c.getReason())).orElse(false));
    apps.awaitReady("team-a", "shrink");

    try (Jedis j = new Jedis(h.runtime.redis().host(), h.runtime.redis().port())) {
      j.auth(h.runtime.redis().adminUser(), h.runtime.redis().adminPassword().reveal());
      assertThat(j.aclGetUser(redisUser)).isNull();
    }
    assertThat(apps.kv("team-a", "shrink")).doesNotContainKeys("REDIS_URL", "REDIS_USERNAME", "REDIS_PASSWORD", "REDIS_KEY_PREFIX")
        .containsKey("MYSQL_PASSWORD");
    List<String> keys = Serialization.jsonMapper().valueToTree(externalSecret("team-a", "shrink-platform"))
        .at("/spec/data").findValuesAsText("secretKey");
    assertThat(keys).doesNotContain("REDIS_PASSWORD").contains("MYSQL_PASSWORD");
  }

  @Test
  void serverDownGivesFalseConditionAndRecoversWhenBack() {
    h.harbor.setUnavailable(true);
    try {
      apps.create("team-b", "outage", fullSpec("team-b"));
      App app = apps.awaitCondition("team-b", "outage", AppStatus.REGISTRY_READY, false);
      assertThat(app.getStatus().condition(AppStatus.REGISTRY_READY).orElseThrow().getReason()).isEqualTo("ServerUnavailable");
      assertThat(app.getStatus().condition(AppStatus.READY).orElseThrow().getStatus()).isEqualTo("False");
      assertThat(app.getStatus().isTrue(AppStatus.MYSQL_READY)).as("other capabilities go on").isTrue();
      assertThat(apps.kv("team-b", "outage")).as("what succeeded is stored").containsKey("MYSQL_PASSWORD");
    } finally {
      h.harbor.setUnavailable(false);
    }
    apps.awaitReady("team-b", "outage"); // backoff retries without any change to the App

    h.openBao.setUnavailable(true); // sealed
    try {
      apps.resync("team-b", "outage");
      App sealed = apps.awaitCondition("team-b", "outage", AppStatus.SECRETS_READY, false);
      assertThat(sealed.getStatus().condition(AppStatus.SECRETS_READY).orElseThrow().getReason()).isEqualTo("ServerUnavailable");
    } finally {
      h.openBao.setUnavailable(false);
    }
    apps.awaitReady("team-b", "outage");
  }

  @Test
  void invalidSpecsGetAFalseConditionThatSaysWhatToDo() {
    apps.create("team-a", "stranger", fullSpec("team-z"));
    App unknown = apps.awaitCondition("team-a", "stranger", AppStatus.READY, false);
    assertThat(unknown.getStatus().condition(AppStatus.READY).orElseThrow()).satisfies(c -> {
      assertThat(c.getReason()).isEqualTo("InvalidSpec");
      assertThat(c.getMessage()).contains("unknown team 'team-z'", "team-a", "team-b");
    });

    apps.create("team-b", "borrower", fullSpec("team-a"));
    App foreign = apps.awaitCondition("team-b", "borrower", AppStatus.READY, false);
    assertThat(foreign.getStatus().condition(AppStatus.READY).orElseThrow().getMessage())
        .contains("namespace team-b does not belong to team team-a");

    AppSpec first = fullSpec("team-a");
    first.setRedis(new RedisSpec(true, "shared:"));
    apps.create("team-a", "first", first);
    apps.awaitReady("team-a", "first");
    AppSpec second = fullSpec("team-a");
    second.setRedis(new RedisSpec(true, "shared:cache:"));
    apps.create("team-a", "second", second);
    App conflict = apps.awaitCondition("team-a", "second", AppStatus.READY, false);
    assertThat(conflict.getStatus().condition(AppStatus.READY).orElseThrow()).satisfies(c -> {
      assertThat(c.getReason()).isEqualTo("KeyPrefixConflict");
      assertThat(c.getMessage()).contains("team-a/first");
    });
    assertThat(apps.kv("team-a", "stranger")).as("nothing provisioned for an invalid spec").isNull();

    // A valid Kubernetes name that is not a DNS label, so it cannot name a database or a role.
    apps.create("team-a", "my.app", fullSpec("team-a"));
    App dotted = apps.awaitCondition("team-a", "my.app", AppStatus.READY, false);
    assertThat(dotted.getStatus().condition(AppStatus.READY).orElseThrow()).satisfies(c -> {
      assertThat(c.getReason()).isEqualTo("InvalidSpec");
      assertThat(c.getMessage()).contains("\"my.app\"", "DNS label");
    });
    apps.deleteAndAwaitGone("team-a", "my.app");
  }

  @Test
  void deleteUnderRetainRevokesAccessButKeepsData() throws Exception {
    apps.create("team-a", "keeper", fullSpec("team-a"));
    apps.awaitReady("team-a", "keeper");
    Map<String, String> kv = apps.kv("team-a", "keeper");
    assertThat(apps.redisLogin(kv)).isTrue(); // writes keeper:probe

    apps.deleteAndAwaitGone("team-a", "keeper");

    assertThat(apps.mysqlLogin(kv)).isFalse();
    assertThat(apps.redisLogin(kv)).isFalse();
    assertThat(databaseExists(kv)).isTrue();
    assertThat(redisKeyExists("keeper:probe")).isTrue();
    assertRevoked("keeper", kv);
  }

  @Test
  void deleteUnderDeleteAlsoDropsTheData() throws Exception {
    AppSpec spec = fullSpec("team-a");
    spec.setDeletionPolicy(DeletionPolicy.DELETE);
    apps.create("team-a", "dropper", spec);
    apps.awaitReady("team-a", "dropper");
    Map<String, String> kv = apps.kv("team-a", "dropper");
    assertThat(apps.redisLogin(kv)).isTrue();

    apps.deleteAndAwaitGone("team-a", "dropper");

    assertThat(databaseExists(kv)).isFalse();
    assertThat(redisKeyExists("dropper:probe")).isFalse();
    assertRevoked("dropper", kv);
  }

  @Test
  void twoAppsCannotReadEachOthersOpenBaoPath() throws Exception {
    apps.create("team-a", "alpha", fullSpec("team-a"));
    apps.create("team-b", "beta", fullSpec("team-b"));
    apps.awaitReady("team-a", "alpha");
    apps.awaitReady("team-b", "beta");

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
    apps.create("shared", "mover", spec);
    apps.awaitReady("shared", "mover");
    String before = apps.kv("shared", "mover").get("REGISTRY_USERNAME");
    assertThat(before).startsWith("robot$team-a+");

    h.kube.namespaces().withName("shared").edit(ns -> { ns.getMetadata().getLabels().put("platform.wharf.dev/team", "team-b"); return ns; });
    h.patch("shared", "mover", "{\"spec\":{\"team\":\"team-b\"}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> apps.kv("shared", "mover").get("REGISTRY_USERNAME").startsWith("robot$team-b+"));
    apps.awaitReady("shared", "mover");
    assertThat(h.harbor.robots()).extracting(HarborStub.StoredRobot::name).doesNotContain(before);
  }

  @Test
  void appNameThatHarborWouldRefuseStillGetsPullAccess() {
    AppSpec spec = new AppSpec("team-a");
    spec.setRegistry(new RegistrySpec(true));
    apps.create("team-a", "my--app", spec); // a valid DNS label; Harbor robot names may not hold "--"
    apps.awaitReady("team-a", "my--app");
    Map<String, String> kv = apps.kv("team-a", "my--app");
    assertThat(h.harbor.robotLoginWorks(kv.get("REGISTRY_USERNAME"), kv.get("REGISTRY_PASSWORD"))).isTrue();
  }

  @Test
  void userCreatedButPasswordNeverStoredGetsANewStoredPassword() {
    // As if the operator had crashed right after creating the user: it exists, OpenBao has nothing.
    var ref = dev.wharf.core.AppRef.of("team-a", "crashed");
    h.operator.backends().provisioning().ensureMySql(ref, MySqlPrivileges.READ_WRITE, StoredSecret.none());
    AppSpec spec = new AppSpec("team-a");
    spec.setMysql(new MySqlSpec(true, MySqlPrivileges.READ_WRITE));
    apps.create("team-a", "crashed", spec);
    apps.awaitReady("team-a", "crashed");
    assertThat(apps.mysqlLogin(apps.kv("team-a", "crashed"))).isTrue();
  }

  @Test
  void credentialsLostFromOpenBaoAreReplacedAndTheRobotTakenOverWithANewSecret() {
    apps.create("team-a", "amnesia", fullSpec("team-a"));
    apps.awaitReady("team-a", "amnesia");
    Map<String, String> before = apps.kv("team-a", "amnesia");

    // Harbor never shows a robot's secret again: the robot of ours (Harbor answers 409 for its
    // name) gets a new secret in place, not kept unusable.
    h.openBao.deleteKvBehindTheBack("apps/team-a/amnesia");
    apps.resync("team-a", "amnesia");
    await().atMost(Duration.ofSeconds(30)).until(() -> apps.kv("team-a", "amnesia") != null);
    Map<String, String> after = apps.kv("team-a", "amnesia");
    assertThat(apps.mysqlLogin(after)).isTrue();
    assertThat(apps.redisLogin(after)).isTrue();
    assertThat(TestOidc.clientSecretWorks(h.runtime, after.get("OIDC_CLIENT_ID"), after.get("OIDC_CLIENT_SECRET"))).isTrue();
    assertThat(h.harbor.robotLoginWorks(after.get("REGISTRY_USERNAME"), after.get("REGISTRY_PASSWORD"))).isTrue();
    assertThat(after.get("REGISTRY_ROBOT_ID")).isEqualTo(before.get("REGISTRY_ROBOT_ID"));
    assertThat(h.harbor.robotLoginWorks(before.get("REGISTRY_USERNAME"), before.get("REGISTRY_PASSWORD"))).isFalse();
    assertThat(h.harbor.robots()).filteredOn(r -> r.name().equals(after.get("REGISTRY_USERNAME"))).hasSize(1);
    apps.awaitReady("team-a", "amnesia");
  }

  @Test
  void appsWhoseNamesOnceSharedAnOpenBaoRoleAreBothReadyAndApart() throws Exception {
    // team-a/x and team/a-x once both mapped to role team-a-x; namespace and name are now apart.
    h.tenantNamespace("team", "team-a");
    AppSpec spec = new AppSpec("team-a");
    spec.setMysql(new MySqlSpec(true, MySqlPrivileges.READ_WRITE));
    spec.setRegistry(new RegistrySpec(true));
    apps.create("team-a", "x", spec);
    apps.create("team", "a-x", spec);
    apps.awaitReady("team-a", "x");
    apps.awaitReady("team", "a-x");
    String x = login("wharf-app", "sa:team-a:x");
    String ax = login("wharf-app", "sa:team:a-x");
    assertThat(read(x, "wharf/data/apps/team-a/x")).isEqualTo(200);
    assertThat(read(x, "wharf/data/apps/team/a-x")).isEqualTo(403);
    assertThat(read(ax, "wharf/data/apps/team/a-x")).isEqualTo(200);
    assertThat(read(ax, "wharf/data/apps/team-a/x")).isEqualTo(403);

    apps.deleteAndAwaitGone("team", "a-x");
    assertThat(apps.mysqlLogin(apps.kv("team-a", "x"))).isTrue();
    assertThat(read(x, "wharf/data/apps/team-a/x")).isEqualTo(200);
  }

  @Test
  void anAppNamedLikeAPlatformRoleIsAnOrdinaryAppAndLeavesThatRole() throws Exception {
    h.tenantNamespace("external", "team-a");
    AppSpec spec = new AppSpec("team-a");
    spec.setMysql(new MySqlSpec(true, MySqlPrivileges.READ_WRITE));
    apps.create("external", "secrets", spec);
    apps.awaitReady("external", "secrets");
    apps.deleteAndAwaitGone("external", "secrets");
    assertThat(h.openBao.role("external-secrets").path("bound_service_account_namespaces").get(0).asText())
        .isEqualTo("external-secrets");
  }

  private static void assertRevoked(String name, Map<String, String> kv) {
    assertThat(apps.kv("team-a", name)).isNull();
    assertThat(h.harbor.robots()).extracting(HarborStub.StoredRobot::name).doesNotContain(kv.get("REGISTRY_USERNAME"));
    assertThat(TestOidc.clientSecretWorks(h.runtime, kv.get("OIDC_CLIENT_ID"), kv.get("OIDC_CLIENT_SECRET"))).isFalse();
  }

  private static boolean databaseExists(Map<String, String> kv) throws SQLException {
    String db = kv.get("MYSQL_URL").substring(kv.get("MYSQL_URL").lastIndexOf('/') + 1);
    try (var c = DriverManager.getConnection(h.runtime.mysql().jdbcUrl(null), h.runtime.mysql().adminUser(), h.runtime.mysql().adminPassword().reveal());
         var ps = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
      ps.setString(1, db);
      return ps.executeQuery().next();
    }
  }

  private static boolean redisKeyExists(String key) {
    try (Jedis j = new Jedis(h.runtime.redis().host(), h.runtime.redis().port())) {
      j.auth(h.runtime.redis().adminUser(), h.runtime.redis().adminPassword().reveal());
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
