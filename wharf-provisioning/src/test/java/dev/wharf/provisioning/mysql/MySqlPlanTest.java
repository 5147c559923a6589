package dev.wharf.provisioning.mysql;

import static dev.wharf.provisioning.mysql.MySqlPlan.Step.CREATE_DATABASE;
import static dev.wharf.provisioning.mysql.MySqlPlan.Step.CREATE_USER;
import static dev.wharf.provisioning.mysql.MySqlPlan.Step.GRANT;
import static dev.wharf.provisioning.mysql.MySqlPlan.Step.REVOKE_ALL;
import static dev.wharf.provisioning.mysql.MySqlPlan.Step.SET_MAX_CONNECTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.core.MySqlPrivileges;
import dev.wharf.provisioning.Change;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MySqlPlanTest {

  private static final Set<String> RW = MySqlPrivileges.READ_WRITE.privileges();

  @Test
  void nothingThereCreatesEverything() {
    var steps = MySqlPlan.ensure(new MySqlState(false, false, Set.of(), 0, 0),
        MySqlPrivileges.READ_WRITE, 20);
    assertThat(steps).containsExactly(CREATE_DATABASE, CREATE_USER, GRANT);
    assertThat(MySqlPlan.changeOf(steps)).isEqualTo(Change.CREATED);
  }

  @Test
  void exactStateWritesNothing() {
    var steps = MySqlPlan.ensure(new MySqlState(true, true, RW, 0, 20), MySqlPrivileges.READ_WRITE, 20);
    assertThat(steps).isEmpty();
    assertThat(MySqlPlan.changeOf(steps)).isEqualTo(Change.UNCHANGED);
  }

  @Test
  void changedPrivilegesAreReplaced() {
    var steps = MySqlPlan.ensure(new MySqlState(true, true, RW, 0, 20), MySqlPrivileges.READ_ONLY, 20);
    assertThat(steps).containsExactly(REVOKE_ALL, GRANT);
    assertThat(MySqlPlan.changeOf(steps)).isEqualTo(Change.UPDATED);
  }

  @Test
  void extraGrantsElsewhereAreRevoked() {
    var steps = MySqlPlan.ensure(new MySqlState(true, true, RW, 1, 20), MySqlPrivileges.READ_WRITE, 20);
    assertThat(steps).containsExactly(REVOKE_ALL, GRANT);
  }

  @Test
  void userWithoutGrantsIsGrantedWithoutRevoking() {
    var steps = MySqlPlan.ensure(new MySqlState(true, true, Set.of(), 0, 20),
        MySqlPrivileges.READ_WRITE, 20);
    assertThat(steps).containsExactly(GRANT);
  }

  @Test
  void missingDatabaseOfExistingUserIsRecreated() {
    var steps = MySqlPlan.ensure(new MySqlState(false, true, RW, 0, 20), MySqlPrivileges.READ_WRITE, 20);
    assertThat(steps).containsExactly(CREATE_DATABASE);
    assertThat(MySqlPlan.changeOf(steps)).isEqualTo(Change.UPDATED);
  }

  @Test
  void aChangedConnectionLimitIsSetAloneAndAnUnchangedOneWritesNothing() {
    var steps = MySqlPlan.ensure(new MySqlState(true, true, RW, 0, 20), MySqlPrivileges.READ_WRITE, 5);
    assertThat(steps).containsExactly(SET_MAX_CONNECTIONS);
    assertThat(MySqlPlan.changeOf(steps)).isEqualTo(Change.UPDATED);
    assertThat(MySqlPlan.ensure(new MySqlState(true, true, RW, 0, 5), MySqlPrivileges.READ_WRITE, 5)).isEmpty();
  }

  @Test
  void aUserWithoutALimitOfItsOwnGetsOne() {
    assertThat(MySqlPlan.ensure(new MySqlState(true, true, RW, 0, 0), MySqlPrivileges.READ_WRITE, 20))
        .containsExactly(SET_MAX_CONNECTIONS);
  }

  @Test
  void aNewUserIsCreatedWithItsLimit() {
    assertThat(MySqlPlan.ensure(new MySqlState(true, false, Set.of(), 0, 0), MySqlPrivileges.READ_WRITE, 5))
        .containsExactly(CREATE_USER, GRANT).doesNotContain(SET_MAX_CONNECTIONS);
  }
}
