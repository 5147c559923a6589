package dev.wharf.local;

/** The servers the local runtime can run. */
public enum Service {
  MYSQL("MySQL (MariaDB)"),
  REDIS("Redis"),
  KEYCLOAK("Keycloak");

  private final String displayName;

  Service(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
