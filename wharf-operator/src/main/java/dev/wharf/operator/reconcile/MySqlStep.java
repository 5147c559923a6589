package dev.wharf.operator.reconcile;

import static dev.wharf.operator.model.PlatformKeys.MYSQL;
import static dev.wharf.operator.model.PlatformKeys.MYSQL_PASSWORD;
import static dev.wharf.operator.model.PlatformKeys.MYSQL_URL;
import static dev.wharf.operator.model.PlatformKeys.MYSQL_USERNAME;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.provisioning.DeletionPolicy;
import dev.wharf.provisioning.Names;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.Secret;
import dev.wharf.provisioning.mysql.MySqlPrivileges;
import dev.wharf.provisioning.mysql.MySqlProvisioner;

/** The app's database and user on the shared MySQL. */
public final class MySqlStep implements CapabilityStep {
  private final MySqlProvisioner mysql;

  public MySqlStep(MySqlProvisioner mysql) {
    this.mysql = mysql;
  }

  @Override public String condition() { return AppStatus.MYSQL_READY; }

  @Override public boolean enabled(AppSpec spec) { return spec.mysqlEnabled(); }

  @Override
  public boolean recorded(AppRun run) {
    return run.recordedAs(MYSQL_USERNAME, ProvisionedNames::getMysqlUser, Names.mysqlUser(run.ref()));
  }

  @Override
  public String describe(AppRun run) {
    return "database " + Names.mysqlDatabase(run.ref()) + " and user " + Names.mysqlUser(run.ref()) + " are ready";
  }

  @Override
  public void ensure(AppRun run) {
    var privileges = MySqlPrivileges.fromSpec(run.app().getSpec().getMysql().privilegesOrDefault().value());
    Outcome outcome = mysql.ensure(run.ref(), privileges);
    Secret password = outcome.secret().orElseGet(() -> KeptSecret.keepOrReset(run, MYSQL_PASSWORD,
        stored -> mysql.verify(run.ref(), stored), () -> mysql.rotate(run.ref()), "MySQL user"));
    run.put(MYSQL_URL, mysql.jdbcUrl(run.ref()));
    run.put(MYSQL_USERNAME, Names.mysqlUser(run.ref()));
    run.putSecret(MYSQL_PASSWORD, password);
    run.markRotated(MYSQL_PASSWORD);
    run.names().setMysqlDatabase(Names.mysqlDatabase(run.ref()));
    run.names().setMysqlUser(Names.mysqlUser(run.ref()));
  }

  @Override
  public void remove(AppRun run, DeletionPolicy policy) {
    mysql.delete(run.ref(), policy);
    run.removeAll(MYSQL);
  }
}
