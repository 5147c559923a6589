package dev.wharf.operator.config;

import dev.wharf.core.DnsLabel;
import dev.wharf.core.KeycloakServer;
import dev.wharf.core.MySqlServer;
import dev.wharf.core.RedisServer;
import dev.wharf.core.Secret;
import dev.wharf.operator.model.ClusterSettings;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything the operator needs to know at start-up. Admin credentials come from the
 * environment or mounted files (see {@link Settings}), never from code; docs/operator.md lists
 * every variable. The MySQL, Redis and Keycloak clients keep the secret they were built with,
 * so those are read at start ({@link Settings#secretAtStart}); Harbor's password and the
 * OpenBao token are read on every use.
 */
public record OperatorConfig(
    Duration resyncInterval,
    Duration minBackoff,
    Duration maxBackoff,
    Set<String> teams,
    MySqlServer mysql,
    int mysqlAdminConnections,
    RedisServer redis,
    KeycloakServer keycloak,
    String oidcIssuerUri,
    URI openBaoAddress,
    OpenBaoAuth openBaoAuth,
    URI harborAddress,
    String harborUser,
    Supplier<Secret> harborPassword,
    ClusterSettings cluster) {

  /**
   * How the operator logs in to OpenBao: a token (OPENBAO_TOKEN or OPENBAO_TOKEN_FILE), or else
   * the Kubernetes auth method with its ServiceAccount (role OPENBAO_ROLE). caCert: the CA of
   * OpenBao's TLS certificate (OPENBAO_CACERT), when it is not in the JDK's trust store.
   */
  public record OpenBaoAuth(java.util.Optional<Supplier<Secret>> token, String role, java.nio.file.Path jwtFile,
                            java.util.Optional<java.nio.file.Path> caCert) {}

  /**
   * Keycloak's admin endpoint and account: a service-account client of the admin realm
   * (KEYCLOAK_CLIENT_ID + KEYCLOAK_CLIENT_SECRET, the cluster's way) or an admin user
   * (KEYCLOAK_ADMIN_USER + KEYCLOAK_ADMIN_PASSWORD). Its toString hides the secret.
   */
  static KeycloakServer keycloak(Settings s) {
    String url = uri(s, "KEYCLOAK_URL", "http://keycloak.keycloak.svc:8080").toString();
    if (s.optional("KEYCLOAK_CLIENT_ID").isPresent()) {
      String clientId = s.required("KEYCLOAK_CLIENT_ID", "service-account client");
      Secret secret = s.secretAtStart("KEYCLOAK_CLIENT_SECRET", "secret of KEYCLOAK_CLIENT_ID");
      return KeycloakServer.serviceAccount(url,
          DnsLabel.require("KEYCLOAK_ADMIN_REALM", s.get("KEYCLOAK_ADMIN_REALM", "wharf")), clientId, secret);
    }
    return new KeycloakServer(url,
        s.required("KEYCLOAK_ADMIN_USER", "Keycloak admin that manages clients in realm wharf"
            + " (or set KEYCLOAK_CLIENT_ID and KEYCLOAK_CLIENT_SECRET for a service-account client)"),
        s.secretAtStart("KEYCLOAK_ADMIN_PASSWORD", "password of KEYCLOAK_ADMIN_USER"),
        DnsLabel.require("KEYCLOAK_ADMIN_REALM", s.get("KEYCLOAK_ADMIN_REALM", "master")), false);
  }

  public static OperatorConfig fromEnv(Settings s) {
    Set<String> teams = new LinkedHashSet<>();
    for (String t : s.required("WHARF_TEAMS", "comma-separated list of teams, e.g. team-a,team-b").split(",")) {
      teams.add(DnsLabel.require("team in WHARF_TEAMS", t.trim()));
    }
    URI openBao = uri(s, "OPENBAO_ADDR", "https://openbao.openbao.svc:8200");
    ClusterSettings defaults = ClusterSettings.defaults();
    ClusterSettings cluster = new ClusterSettings(
        s.get("OPENBAO_ESO_ADDR", openBao.toString()),
        s.get("OPENBAO_ESO_CA_CONFIGMAP", defaults.openBaoCaConfigMap()),
        s.get("OPENBAO_KV_MOUNT", defaults.kvMount()),
        s.get("OPENBAO_KUBERNETES_MOUNT", defaults.kubernetesAuthMount()),
        s.get("OPENBAO_APP_ROLE", defaults.appRole()),
        s.get("REGISTRY_HOST", defaults.registryHost()),
        defaults.egress(),
        s.get("SECRET_REFRESH_INTERVAL", defaults.secretRefreshInterval()),
        mysqlConnections(s, defaults.mysqlConnections()));
    return new OperatorConfig(
        duration(s, "WHARF_RESYNC_INTERVAL", "5m"),
        duration(s, "WHARF_MIN_BACKOFF", "5s"),
        duration(s, "WHARF_MAX_BACKOFF", "5m"),
        Set.copyOf(teams),
        new MySqlServer(s.get("MYSQL_HOST", "mysql.mysql.svc"), s.port("MYSQL_PORT", 3306),
            s.required("MYSQL_ADMIN_USER", "MySQL account that creates databases and users"),
            s.secretAtStart("MYSQL_ADMIN_PASSWORD", "password of MYSQL_ADMIN_USER")),
        count(s, "MYSQL_ADMIN_CONNECTIONS", 8, 200),
        new RedisServer(s.get("REDIS_HOST", "redis.redis.svc"), s.port("REDIS_PORT", 6379),
            s.required("REDIS_ADMIN_USER", "Redis ACL user that manages ACL users"),
            s.secretAtStart("REDIS_ADMIN_PASSWORD", "password of REDIS_ADMIN_USER")),
        keycloak(s),
        s.get("OIDC_ISSUER_URI", "https://keycloak.wharf.example.com/realms/wharf"),
        openBao,
        new OpenBaoAuth(
            s.optional("OPENBAO_TOKEN").or(() -> s.optional("OPENBAO_TOKEN_FILE"))
                .map(x -> s.secret("OPENBAO_TOKEN", "OpenBao token with the wharf-operator policy")),
            s.get("OPENBAO_ROLE", "wharf-operator"),
            java.nio.file.Path.of(s.get("OPENBAO_JWT_FILE", "/var/run/secrets/kubernetes.io/serviceaccount/token")),
            s.optional("OPENBAO_CACERT").map(java.nio.file.Path::of)),
        uri(s, "HARBOR_URL", "http://harbor.harbor.svc"),
        s.required("HARBOR_USER", "Harbor admin or system robot that manages projects and robots"),
        s.secret("HARBOR_PASSWORD", "password of HARBOR_USER"),
        cluster);
  }

  /** MYSQL_APP_CONNECTIONS (an app's default) and MYSQL_APP_CONNECTIONS_MAX (the most a spec may ask for). */
  static ClusterSettings.MySqlConnections mysqlConnections(Settings s, ClusterSettings.MySqlConnections defaults) {
    int max = count(s, "MYSQL_APP_CONNECTIONS_MAX", defaults.max(), 100_000);
    int byDefault = count(s, "MYSQL_APP_CONNECTIONS", Math.min(defaults.byDefault(), max), max);
    return new ClusterSettings.MySqlConnections(byDefault, max);
  }

  /** A whole number from 1 to {@code max}. */
  static int count(Settings s, String name, int fallback, int max) {
    String v = s.get(name, Integer.toString(fallback));
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new ConfigException(name + " must be a number from 1 to " + max + ", such as " + fallback + ", not '" + v + "'");
  }

  /** "5m", "30s", "1h" or ISO-8601 ("PT5M"). */
  static Duration duration(Settings s, String name, String fallback) {
    String v = s.get(name, fallback);
    try {
      if (v.matches("\\d+[smh]")) {
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      return Duration.parse(v);
    } catch (DateTimeParseException e) {
      throw new ConfigException(name + " must be a duration such as 30s, 5m, 1h or PT5M, not '" + v + "'");
    }
  }

  private static URI uri(Settings s, String name, String fallback) {
    String v = s.get(name, fallback);
    try {
      URI uri = URI.create(v);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name + " must be an http(s) URL such as " + fallback + ", not '" + v + "'");
    }
  }

  @Override
  public String toString() {
    return "OperatorConfig[resync=" + resyncInterval + ", teams=" + teams + ", mysql=" + mysql.host() + ":" + mysql.port() + " (" + mysqlAdminConnections + " admin connections)"
        + ", redis=" + redis.host() + ":" + redis.port() + ", keycloak=" + keycloak.baseUrl()
        + ", openbao=" + openBaoAddress + ", harbor=" + harborAddress + "]";
  }
}
