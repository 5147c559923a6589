package dev.wharf.operator.testing;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.DashboardsSpec;
import dev.wharf.api.MySqlSpec;
import dev.wharf.api.RedisSpec;
import dev.wharf.api.RegistrySpec;
import dev.wharf.core.KeycloakServer;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.core.Names;
import dev.wharf.local.LocalRuntime;
import dev.wharf.local.Service;
import dev.wharf.local.SharedRuntime;
import dev.wharf.operator.Backends;
import dev.wharf.operator.WharfOperator;
import dev.wharf.operator.config.ReplicaConfig;
import dev.wharf.operator.harbor.HarborClient;
import dev.wharf.operator.model.ClusterSettings;
import dev.wharf.operator.openbao.KubernetesLogin;
import dev.wharf.operator.openbao.OpenBaoClient;
import dev.wharf.operator.stub.HarborStub;
import dev.wharf.operator.stub.OpenBaoStub;
import dev.wharf.provisioning.AppProvisioning;
import dev.wharf.provisioning.Writes;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The operator as the tests and the reconcile benchmark run it: the Kubernetes API is
 * fabric8's mock server in CRUD mode, MySQL, Redis and Keycloak are the real local servers
 * (SharedRuntime), OpenBao and Harbor are the stubs. OpenBao is set up from the GitOps tree as
 * its bootstrap script sets it up (policies, roles), and the operator's token holds only its
 * policy, which the stub enforces; the teams' namespaces are those of gitops/tenants. The
 * operator writes the App as it does in the cluster (see WharfOperator: no server-side apply
 * there either).
 */
public final class OperatorHarness implements AutoCloseable {
  public static final String OPENBAO_TOKEN = "harness-root-token";
  public static final String HARBOR_USER = "admin";
  public static final String HARBOR_PASSWORD = "harness-harbor-password";
  public static final Set<String> TEAMS = Set.of("team-a", "team-b");
  public static final String OPERATOR_USER_AGENT = "wharf-operator-under-test";

  public final KubernetesMockServer kubeServer;
  public final KubernetesClient kube;
  /** The operator's own client: its requests carry {@link #OPERATOR_USER_AGENT}, so tests can tell them apart. */
  public final KubernetesClient operatorKube;
  public final OpenBaoStub openBao;
  /** The operator's OpenBao token: it holds gitops/services/openbao/bootstrap/wharf-operator.hcl only. */
  /** How the operator gets its OpenBao token. */
  public final KubernetesLogin operatorLogin;
  public final HarborStub harbor;
  public final LocalRuntime runtime;
  public final WharfOperator operator;
  /** Stands in front of the real Keycloak and counts the operator's requests to it. */
  public final CountingProxy keycloakProxy;
  private final KeycloakServer proxiedKeycloak;
  private final MockApiServer api;
  private final TenantNamespaces tenants;
  private final Duration resync;

  /** The shortest retry delay after a failed step: short, so outage cases recover quickly. */
  private static final Duration MIN_BACKOFF = Duration.ofMillis(200);

  /** @param resync how often the operator reconciles an unchanged App */
  public OperatorHarness(Duration resync) {
    this(resync, ReplicaConfig.standalone());
  }

  /** @param replica the operator's replica settings (e.g. a short stallAfter) */
  public OperatorHarness(Duration resync, ReplicaConfig replica) {
    this.resync = resync;
    api = new MockApiServer(OPERATOR_USER_AGENT);
    kubeServer = api.server;
    kube = api.kube;
    operatorKube = api.operatorKube;
    tenants = new TenantNamespaces(kube);
    TEAMS.forEach(tenants::createFromTree);
    openBao = new OpenBaoStub(OPENBAO_TOKEN, "wharf", tenants::labels);
    OpenBaoBootstrap.apply(openBao, OPENBAO_TOKEN, locate("gitops/services/openbao/bootstrap"));
    harbor = new HarborStub(HARBOR_USER, HARBOR_PASSWORD);
    // The operator logs in as in the cluster: Kubernetes auth, role wharf-operator, as its
    // ServiceAccount; its token holds only the policy the bootstrap gives it, not root.
    try {
      Path jwt = Files.createTempFile("wharf-operator-sa", ".jwt");
      jwt.toFile().deleteOnExit();
      Files.writeString(jwt, "sa:wharf-system:wharf-operator");
      operatorLogin = new KubernetesLogin(openBao.uri(), null, "kubernetes", "wharf-operator", jwt, Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    runtime = SharedRuntime.get(Service.MYSQL, Service.REDIS, Service.KEYCLOAK);
    TestOidc.setUpRealm(runtime); // in a cluster, the realm import does this
    // The operator reaches Keycloak through a counting proxy; apps still see the real issuer.
    var keycloak = runtime.keycloak();
    keycloakProxy = new CountingProxy(URI.create(keycloak.baseUrl()));
    proxiedKeycloak = new KeycloakServer(keycloakProxy.baseUrl(), keycloak.adminUser(), keycloak.adminPassword(),
        keycloak.authRealm(), keycloak.clientCredentials());
    operator = replica(replica);
  }

  /**
   * Starts an operator replica against the same API server and service servers (the harness's
   * own is one); its reconciles run on 8 threads. With a lease in {@code replica}, replicas
   * elect the one that reconciles. The caller closes what it started.
   */
  public WharfOperator replica(ReplicaConfig replica) {
    return replica(replica, harbor.uri());
  }

  /** A replica whose Harbor is at {@code harborUri} (e.g. a server that answers slowly). */
  public WharfOperator replica(ReplicaConfig replica, java.net.URI harborUri) {
    Writes writes = new Writes();
    Backends backends = new Backends(
        AppProvisioning.connect(runtime.mysql(), runtime.redis(), proxiedKeycloak,
            runtime.keycloak().issuer(Names.REALM), writes),
        new OpenBaoClient(openBao.uri(), operatorLogin, "wharf"),
        new HarborClient(harborUri, HARBOR_USER, () -> HARBOR_PASSWORD), writes);
    WharfOperator started = new WharfOperator(operatorKube, backends,
        new WharfOperator.Options(TEAMS, ClusterSettings.defaults(), resync, MIN_BACKOFF, Duration.ofSeconds(2)),
        replica, o -> o.checkingCRDAndValidateLocalModel(false).withConcurrentReconciliationThreads(8));
    started.start();
    return started;
  }

  /**
   * Makes the API server answer the next {@code method} request to {@code path} with 409
   * Conflict, as a real server does when an object changed meanwhile. True from the returned
   * check once that answer was given.
   */
  public BooleanSupplier conflictOnce(String method, String path) {
    return api.conflictOnce(method, path);
  }

  /** External writes so far: provisioning library's count plus what the OpenBao and Harbor stubs received. */
  public long externalWrites() {
    return operator.backends().provisioningWrites().count() + openBao.writes() + harbor.writes();
  }

  /**
   * The requests the operator has sent to the API server so far, as "METHOD path?query".
   * Drains the mock server's record, so each request is returned once.
   */
  public List<String> takeOperatorRequests() {
    return api.takeOperatorRequests();
  }

  /** The operator's requests to the API server since start (drains the mock server's log). */
  public long operatorRequestCount() {
    return api.operatorRequestCount();
  }

  /**
   * Counts of what the operator sent to each system, where it arrived (see RequestCounter);
   * close it when done.
   */
  public RequestCounter requestCounter() {
    return new RequestCounter(this, runtime.mysql(), runtime.redis());
  }

  /**
   * Waits until the operator has not reconciled anything for half a second, so that counts
   * taken next are not disturbed by reconciles still under way.
   */
  public void awaitQuiet(Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    long last = -1;
    try {
      while (operator.reconciles() != last) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the operator was still reconciling after " + atMost);
        }
        last = operator.reconciles();
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the operator to go quiet", e);
    }
  }

  /**
   * Makes another tenant namespace given to {@code team}, as a platform engineer would from
   * gitops/tenants/template: labelled as a tenant, with the team label the operator reads and
   * the operator's RoleBinding.
   */
  public void tenantNamespace(String name, String team) {
    tenants.create(name, team);
  }

  /** An App spec of the team with every capability enabled. */
  public static AppSpec fullSpec(String team) {
    AppSpec spec = new AppSpec(team);
    spec.setMysql(new MySqlSpec(true, MySqlPrivileges.READ_WRITE));
    spec.setRedis(new RedisSpec(true, null));
    spec.setOidc(TestOidc.spec());
    spec.setRegistry(new RegistrySpec(true));
    spec.setDashboards(new DashboardsSpec(true));
    return spec;
  }

  /** Makes the operator reconcile an unchanged App, as the periodic resync does, by touching an annotation. */
  public void requestResync(String namespace, String name) {
    patch(namespace, name, "{\"metadata\":{\"annotations\":{\"platform.wharf.dev/resync\":\"" + System.nanoTime() + "\"}}}");
  }

  /** A JSON merge patch of the App: no resourceVersion, so it does not race the operator's status writes. */
  public void patch(String namespace, String name, String json) {
    kube.resources(App.class).inNamespace(namespace).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  public App app(String namespace, String name) {
    return kube.resources(App.class).inNamespace(namespace).withName(name).get();
  }

  /** Finds a repository file from the module directory, the repository root or WHARF_REPO. */
  public static Path locate(String relative) {
    String repo = System.getenv("WHARF_REPO");
    for (Path base : new Path[] {repo == null ? null : Path.of(repo), Path.of("."), Path.of("..")}) {
      if (base != null && Files.exists(base.resolve(relative))) {
        return base.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found; run from the repository or set WHARF_REPO");
  }

  @Override
  public void close() {
    operator.close();
    keycloakProxy.close();
    api.close();
    openBao.close();
    harbor.close();
  }
}
