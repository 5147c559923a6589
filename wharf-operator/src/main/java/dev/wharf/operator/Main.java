package dev.wharf.operator;

import dev.wharf.operator.config.ConfigException;
import dev.wharf.operator.config.OperatorConfig;
import dev.wharf.operator.config.ReplicaConfig;
import dev.wharf.operator.config.Settings;
import dev.wharf.operator.harbor.HarborClient;
import dev.wharf.operator.http.Tls;
import dev.wharf.operator.openbao.KubernetesLogin;
import dev.wharf.operator.openbao.OpenBaoClient;
import dev.wharf.provisioning.AppProvisioning;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.redis.RedisProvisioner;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the operator in its Deployment: configuration from the environment (docs/operator.md).
 * The probes answer while the informers sync (/readyz 503 until then); a start that fails ends
 * the process with exit code 1, so the kubelet restarts it rather than keeping a pod that never
 * reconciles. Bad settings end it with exit code 2.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    int code = run(new Settings(System.getenv()));
    if (code != 0) {
      System.exit(code);
    }
    // Started: the operator's threads keep the process alive until it is stopped.
  }

  /** Starts the operator; 0 once it runs, 2 for bad settings, 1 when it cannot start. */
  static int run(Settings settings) {
    OperatorConfig config;
    ReplicaConfig replica;
    try {
      config = OperatorConfig.fromEnv(settings);
      replica = ReplicaConfig.fromEnv(settings);
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("wharf-operator: " + e.getMessage());
      return 2;
    }
    LOG.info("starting with {}", config);
    Backends backends = backends(config);
    KubernetesClient client = new KubernetesClientBuilder().build();
    WharfOperator operator = new WharfOperator(client, backends,
        new WharfOperator.Options(config.teams(), config.cluster(), config.resyncInterval(),
            config.minBackoff(), config.maxBackoff()),
        replica, o -> { });
    HttpEndpoints http;
    try {
      http = new HttpEndpoints(settings.port("WHARF_HTTP_PORT", 8080),
          () -> adminSecretsCurrent(settings) && operator.live(), operator::ready, operator::metrics);
    } catch (IOException | ConfigException e) {
      LOG.error("wharf-operator cannot start: no HTTP endpoint for its probes ({})", e.getMessage());
      stop(null, operator, client);
      return 1;
    }
    try {
      operator.start();
    } catch (RuntimeException e) {
      LOG.error("wharf-operator cannot start: {} (is the App CRD installed, may the operator's ServiceAccount"
          + " list and watch Apps, does the API server answer?)", causes(e), e);
      stop(http, operator, client);
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(http, operator, client), "wharf-operator-shutdown"));
    LOG.info("wharf-operator is running");
    return 0;
  }

  private static Backends backends(OperatorConfig config) {
    Writes writes = new Writes();
    return new Backends(
        new AppProvisioning(new MySqlProvisioner(config.mysql(), config.mysqlAdminConnections(), writes), new RedisProvisioner(config.redis(), writes),
            new KeycloakProvisioner(config.keycloak(), writes), config.oidcIssuerUri()),
        openBao(config),
        new HarborClient(config.harborAddress(), config.harborUser(), () -> config.harborPassword().get().reveal()),
        writes);
  }

  private static OpenBaoClient openBao(OperatorConfig config) {
    var auth = config.openBaoAuth();
    SSLContext tls = auth.caCert().map(Tls::trusting).orElse(null);
    Supplier<String> token = auth.token().isPresent()
        ? () -> auth.token().get().get().reveal()
        : new KubernetesLogin(config.openBaoAddress(), tls,
            config.cluster().kubernetesAuthMount(), auth.role(), auth.jwtFile(), Clock.systemUTC());
    return new OpenBaoClient(config.openBaoAddress(), tls, token, config.cluster().kvMount());
  }

  /**
   * The MySQL, Redis and Keycloak clients keep the admin secret they started with. When its
   * mounted file changes (rotated in OpenBao, synced by ESO), liveness fails and the kubelet
   * restarts the operator with the new value.
   */
  private static boolean adminSecretsCurrent(Settings settings) {
    var changed = settings.changedAtStartSecrets();
    if (!changed.isEmpty()) {
      LOG.warn("{} changed since start (rotated): failing liveness so that the operator restarts with the new value", changed);
    }
    return changed.isEmpty();
  }

  /** The messages of an exception and its causes: what JOSDK and the client say went wrong. */
  private static String causes(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(out.isEmpty() ? "" : ": ").append(t.getMessage());
    }
    return out.toString();
  }

  private static void stop(HttpEndpoints http, WharfOperator operator, KubernetesClient client) {
    if (http != null) {
      http.close();
    }
    operator.close();
    client.close();
  }
}
