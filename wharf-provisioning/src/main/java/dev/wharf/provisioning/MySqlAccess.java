package dev.wharf.provisioning;

import dev.wharf.core.PlatformKeys;
import dev.wharf.core.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/** An app's working MySQL credentials: its database, user and password. */
public record MySqlAccess(String jdbcUrl, String database, String username, Secret password) {

  /** MYSQL_URL, MYSQL_USERNAME, MYSQL_PASSWORD, values revealed: only for a store or an env file. */
  public Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(PlatformKeys.MYSQL_URL, jdbcUrl);
    env.put(PlatformKeys.MYSQL_USERNAME, username);
    env.put(PlatformKeys.MYSQL_PASSWORD, password.reveal());
    return env;
  }
}
