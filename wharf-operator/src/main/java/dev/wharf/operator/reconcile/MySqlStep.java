package dev.wharf.operator.reconcile;

import static dev.wharf.core.PlatformKeys.MYSQL_PASSWORD;
import static dev.wharf.core.PlatformKeys.MYSQL_USERNAME;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.Names;
import dev.wharf.core.PlatformKeys;
import dev.wharf.operator.model.ClusterSettings;
import dev.wharf.provisioning.AppProvisioning;
import java.util.List;

/** The app's database and user on the shared MySQL. */
public final class MySqlStep implements CapabilityStep {
  private final AppProvisioning provisioning;
  private final ClusterSettings.MySqlConnections connections;

  public MySqlStep(AppProvisioning provisioning, ClusterSettings.MySqlConnections connections) {
    this.provisioning = provisioning;
    this.connections = connections;
  }

  @Override public String condition() { return AppStatus.MYSQL_READY; }

  @Override public boolean enabled(AppSpec spec) { return spec.mysqlEnabled(); }

  @Override public List<String> keys() { return PlatformKeys.MYSQL; }

  @Override
  public boolean recorded(AppRun run) {
    return run.recordedAs(MYSQL_USERNAME, ProvisionedNames::getMysqlUser, Names.mysqlUser(run.ref()));
  }

  @Override
  public Grant ensure(AppRun run) {
    var mysql = run.app().getSpec().getMysql();
    return new Grant.MySql(provisioning.ensureMySql(run.ref(), mysql.privilegesOrDefault(),
        connections.forApp(mysql.getMaxConnections()), run.storedSecret(MYSQL_PASSWORD)));
  }

  @Override
  public void remove(AppRun run, DeletionPolicy policy) {
    provisioning.removeMySql(run.ref(), policy);
  }
}
