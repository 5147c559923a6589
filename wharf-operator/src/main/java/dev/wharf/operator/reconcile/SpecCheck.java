package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.core.AppRef;
import dev.wharf.core.DnsLabel;
import dev.wharf.core.InvalidNameException;
import dev.wharf.core.KeyPrefix;
import dev.wharf.operator.model.ClusterSettings;
import dev.wharf.provisioning.keycloak.OidcClientSpec;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an App before anything is provisioned. Every problem becomes a Refusal whose message
 * says what to change. Pure: the caller passes the other Apps and the namespace's labels.
 */
public final class SpecCheck {
  /** A namespace other than the team's own may be given to a team with this label. */
  public static final String TEAM_LABEL = "platform.wharf.dev/team";
  /**
   * Tenant namespaces (gitops/tenants) carry this label: OpenBao's role for apps admits
   * ServiceAccounts of such namespaces only, and the operator may write only there.
   */
  public static final String TENANT_LABEL = "wharf.dev/tenant";

  private final Set<String> knownTeams;
  private final ClusterSettings.MySqlConnections mysqlConnections;

  /** With the platform's usual MySQL connection limits. */
  public SpecCheck(Set<String> knownTeams) {
    this(knownTeams, ClusterSettings.defaults().mysqlConnections());
  }

  public SpecCheck(Set<String> knownTeams, ClusterSettings.MySqlConnections mysqlConnections) {
    this.knownTeams = Set.copyOf(knownTeams);
    this.mysqlConnections = mysqlConnections;
  }

  public AppRef check(App app, Map<String, String> namespaceLabels, Collection<App> allApps) {
    AppRef ref;
    try {
      ref = AppRef.of(app.getMetadata().getNamespace(), app.getMetadata().getName());
    } catch (InvalidNameException e) {
      throw invalid(e.getMessage());
    }
    AppSpec spec = app.getSpec();
    if (spec == null || spec.getTeam() == null) {
      throw invalid("spec.team is missing: set it to the team that owns the app, one of " + sorted(knownTeams));
    }
    String team = spec.getTeam();
    if (!DnsLabel.isValid(team)) {
      throw invalid("spec.team '" + team + "' is not a DNS label (lower-case letters, digits and '-')");
    }
    if (!knownTeams.contains(team)) {
      throw invalid("unknown team '" + team + "': the platform knows " + sorted(knownTeams)
          + "; ask the platform team to add it (WHARF_TEAMS) or fix spec.team");
    }
    if (!team.equals(ref.namespace()) && !team.equals(namespaceLabels.get(TEAM_LABEL))) {
      throw invalid("namespace " + ref.namespace() + " does not belong to team " + team
          + ": create the App in namespace " + team + ", or label the namespace " + TEAM_LABEL + "=" + team);
    }
    if (!team.equals(ref.namespace()) && !"true".equals(namespaceLabels.get(TENANT_LABEL))) {
      throw invalid("namespace " + ref.namespace() + " is not a Wharf tenant namespace (label " + TENANT_LABEL
          + "=true): make it from gitops/tenants/template, which also lets the operator and the app's"
          + " ServiceAccount in, or create the App in namespace " + team);
    }
    if (spec.mysqlEnabled()) {
      checkMySqlConnections(spec.getMysql().getMaxConnections());
    }
    if (spec.redisEnabled()) {
      KeyPrefix prefix;
      try {
        prefix = RedisStep.prefix(spec, ref);
      } catch (InvalidNameException e) {
        throw invalid(e.getMessage());
      }
      prefixConflict(app, ref, prefix, allApps).ifPresent(other -> {
        throw new StepFailure.Refusal(Reason.KEY_PREFIX_CONFLICT, "Redis key prefix \"" + prefix + "\" overlaps the prefix of App "
            + other.getMetadata().getNamespace() + "/" + other.getMetadata().getName()
            + " (created first): set spec.redis.keyPrefix to one that no other app's prefix starts with,"
            + " e.g. \"" + ref.namespace() + ":" + ref.name() + ":\"");
      });
    }
    if (spec.oidcEnabled()) {
      try {
        OidcClientSpec.of(spec.getOidc().getRedirectUris(), spec.getOidc().getWebOrigins());
      } catch (InvalidNameException e) {
        throw invalid("spec.oidc: " + e.getMessage());
      }
    }
    return ref;
  }

  private void checkMySqlConnections(Integer wanted) {
    if (wanted == null) {
      return;
    }
    if (wanted < 1) {
      throw invalid("spec.mysql.maxConnections is " + wanted + ": set at least 1, or leave it out for the platform's"
          + " default of " + mysqlConnections.byDefault());
    }
    if (wanted > mysqlConnections.max()) {
      throw invalid("spec.mysql.maxConnections is " + wanted + ", above the platform's maximum of "
          + mysqlConnections.max() + " MySQL connections per app: set it to " + mysqlConnections.max()
          + " or less (the shared server's connections are for every app), or ask the platform team to raise"
          + " MYSQL_APP_CONNECTIONS_MAX");
    }
  }

  /** The first-created other App whose Redis prefix overlaps ours, if it was created before us. */
  static Optional<App> prefixConflict(App app, AppRef ref, KeyPrefix prefix, Collection<App> allApps) {
    Comparator<App> age = Comparator.comparing((App a) -> String.valueOf(a.getMetadata().getCreationTimestamp()))
        .thenComparing(a -> a.getMetadata().getNamespace() + "/" + a.getMetadata().getName());
    return allApps.stream()
        .filter(o -> !(o.getMetadata().getNamespace().equals(ref.namespace()) && o.getMetadata().getName().equals(ref.name())))
        .filter(o -> o.getSpec() != null && o.getSpec().redisEnabled() && o.getMetadata().getDeletionTimestamp() == null)
        .filter(o -> otherPrefix(o).map(p -> p.overlaps(prefix)).orElse(false))
        .filter(o -> age.compare(o, app) < 0)
        .min(age);
  }

  private static Optional<KeyPrefix> otherPrefix(App o) {
    try {
      return Optional.of(RedisStep.prefix(o.getSpec(), AppRef.of(o.getMetadata().getNamespace(), o.getMetadata().getName())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static StepFailure.Refusal invalid(String message) {
    return new StepFailure.Refusal(Reason.INVALID_SPEC, message);
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
