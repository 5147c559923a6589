package dev.wharf.provisioning.mysql;

import java.util.Set;

/**
 * What the server holds for one app, as read before any write.
 *
 * @param databaseExists the app's database exists
 * @param userExists the app's user exists (host '%')
 * @param privileges privileges the user holds on its own database, without GRANT OPTION
 * @param otherGrants grants beyond that: global privileges, other databases, tables or
 *     columns, or GRANT OPTION
 * @param maxConnections the user's MAX_USER_CONNECTIONS (0: no limit of its own); 0 when there
 *     is no user
 */
public record MySqlState(boolean databaseExists, boolean userExists, Set<String> privileges,
    int otherGrants, int maxConnections) {

  public MySqlState {
    privileges = Set.copyOf(privileges);
  }
}
