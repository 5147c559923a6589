package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.DnsLabel;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** What an app asks of the platform. Capabilities left out are disabled. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppSpec {
  @Required
  @Pattern(DnsLabel.PATTERN)
  @Size(max = DnsLabel.MAX_LENGTH)
  @JsonPropertyDescription("The team that owns the app (a DNS label, e.g. team-a); it must be a team known to the platform.")
  private String team;

  @JsonPropertyDescription("A MySQL database and user on the shared MySQL.")
  private MySqlSpec mysql;

  @JsonPropertyDescription("A Redis ACL user limited to a key prefix on the shared Redis.")
  private RedisSpec redis;

  @JsonPropertyDescription("A Keycloak client in realm wharf.")
  private OidcSpec oidc;

  @JsonPropertyDescription("Pull access to the team's Harbor project.")
  private RegistrySpec registry;

  @JsonPropertyDescription("A Grafana dashboard for the app.")
  private DashboardsSpec dashboards;

  @Default("Retain")
  @JsonPropertyDescription("What happens to the app's data when the App is deleted. Credentials and access are always revoked; Retain keeps the database and Redis keys, Delete drops them.")
  private DeletionPolicy deletionPolicy = DeletionPolicy.RETAIN;

  public AppSpec() {}

  public AppSpec(String team) {
    this.team = team;
  }

  public String getTeam() { return team; }
  public void setTeam(String team) { this.team = team; }
  public MySqlSpec getMysql() { return mysql; }
  public void setMysql(MySqlSpec mysql) { this.mysql = mysql; }
  public RedisSpec getRedis() { return redis; }
  public void setRedis(RedisSpec redis) { this.redis = redis; }
  public OidcSpec getOidc() { return oidc; }
  public void setOidc(OidcSpec oidc) { this.oidc = oidc; }
  public RegistrySpec getRegistry() { return registry; }
  public void setRegistry(RegistrySpec registry) { this.registry = registry; }
  public DashboardsSpec getDashboards() { return dashboards; }
  public void setDashboards(DashboardsSpec dashboards) { this.dashboards = dashboards; }
  public DeletionPolicy getDeletionPolicy() { return deletionPolicy; }
  public void setDeletionPolicy(DeletionPolicy deletionPolicy) { this.deletionPolicy = deletionPolicy; }

  public boolean mysqlEnabled() { return mysql != null && mysql.isEnabled(); }
  public boolean redisEnabled() { return redis != null && redis.isEnabled(); }
  public boolean oidcEnabled() { return oidc != null && oidc.isEnabled(); }
  public boolean registryEnabled() { return registry != null && registry.isEnabled(); }
  public boolean dashboardsEnabled() { return dashboards != null && dashboards.isEnabled(); }
  public DeletionPolicy deletionPolicyOrDefault() {
    return deletionPolicy == null ? DeletionPolicy.RETAIN : deletionPolicy;
  }
}
