package dev.wharf.provisioning.mysql;

import dev.wharf.core.MySqlPrivileges;
import dev.wharf.provisioning.Change;
import java.util.ArrayList;
import java.util.List;

/** Compares what the server holds with what an app needs and lists the writes to make. */
public final class MySqlPlan {

  /** One write, in the order they must run. */
  public enum Step { CREATE_DATABASE, CREATE_USER, SET_MAX_CONNECTIONS, REVOKE_ALL, GRANT }

  private MySqlPlan() {}

  /** @param maxConnections the user's MAX_USER_CONNECTIONS; a new user is created with it */
  public static List<Step> ensure(MySqlState state, MySqlPrivileges wanted, int maxConnections) {
    var steps = new ArrayList<Step>();
    if (!state.databaseExists()) {
      steps.add(Step.CREATE_DATABASE);
    }
    if (!state.userExists()) {
      steps.add(Step.CREATE_USER);
      steps.add(Step.GRANT);
      return steps;
    }
    if (state.maxConnections() != maxConnections) {
      steps.add(Step.SET_MAX_CONNECTIONS);
    }
    boolean exact = state.otherGrants() == 0 && state.privileges().equals(wanted.privileges());
    if (!exact) {
      if (!state.privileges().isEmpty() || state.otherGrants() > 0) {
        steps.add(Step.REVOKE_ALL);
      }
      steps.add(Step.GRANT);
    }
    return steps;
  }

  /** CREATED when the user is new, UPDATED when anything else was written, else UNCHANGED. */
  public static Change changeOf(List<Step> steps) {
    if (steps.contains(Step.CREATE_USER)) {
      return Change.CREATED;
    }
    return steps.isEmpty() ? Change.UNCHANGED : Change.UPDATED;
  }
}
