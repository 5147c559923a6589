package dev.wharf.operator;

import dev.wharf.operator.config.ConfigException;
import dev.wharf.operator.config.OperatorConfig;
import dev.wharf.operator.config.Settings;
import dev.wharf.operator.harbor.HarborClient;
import dev.wharf.operator.http.Tls;
import dev.wharf.operator.openbao.KubernetesLogin;
import dev.wharf.operator.openbao.OpenBaoClient;
import dev.wharf.operator.reconcile.KeycloakOidcClients;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.redis.RedisProvisioner;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the operator in its Deployment: configuration from the environment (docs/operator.md). */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  private static OpenBaoClient openBao(OperatorConfig config) {
    var auth = config.openBaoAuth();
    SSLContext tls = auth.caCert().map(Tls::trusting).orElse(null);
    Supplier<String> token = auth.token().isPresent()
        ? () -> auth.token().get().get().reveal()
        : new KubernetesLogin(config.openBaoAddress(), tls,
            config.cluster().kubernetesAuthMount(), auth.role(), auth.jwtFile(), Clock.systemUTC());
    return new OpenBaoClient(config.openBaoAddress(), tls, token, config.cluster().kvMount(),
        config.cluster().kubernetesAuthMount());
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

  public static void main(String[] args) throws Exception {
    Settings settings = new Settings(System.getenv());
    OperatorConfig config;
    try {
      config = OperatorConfig.fromEnv(settings);
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("wharf-operator: " + e.getMessage());
      System.exit(2);
      return;
    }
    LOG.info("starting with {}", config);
    Writes writes = new Writes();
    var k = config.keycloak();
    Backends backends = new Backends(
        new MySqlProvisioner(config.mysql(), writes),
        new RedisProvisioner(config.redis(), writes),
        new KeycloakOidcClients(new KeycloakProvisioner(k.server(), writes), config.oidcIssuerUri()),
        openBao(config),
        new HarborClient(config.harborAddress(), config.harborUser(), () -> config.harborPassword().get().reveal()),
        writes);
    KubernetesClient client = new KubernetesClientBuilder().build();
    WharfOperator operator = new WharfOperator(client, backends,
        new WharfOperator.Options(config.teams(), config.cluster(), config.resyncInterval(),
            config.minBackoff(), config.maxBackoff()),
        o -> { });
    HttpEndpoints http = new HttpEndpoints(settings.port("WHARF_HTTP_PORT", 8080), () -> adminSecretsCurrent(settings),
        operator::healthy,
        () -> "# HELP wharf_operator_reconciles_total App reconciliations finished.\n"
            + "# TYPE wharf_operator_reconciles_total counter\n"
            + "wharf_operator_reconciles_total " + operator.reconciles() + "\n"
            + "# HELP wharf_operator_external_writes_total Writes sent to MySQL, Redis, Keycloak, OpenBao and Harbor.\n"
            + "# TYPE wharf_operator_external_writes_total counter\n"
            + "wharf_operator_external_writes_total " + backends.externalWrites() + "\n");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      http.close();
      operator.close();
      client.close();
    }, "wharf-operator-shutdown"));
    operator.start();
    LOG.info("wharf-operator is running");
  }
}
