package dev.wharf.local;

/** A running MySQL-compatible server and its administrator account. */
public record MySqlEndpoint(String host, int port, String adminUser, String adminPassword) {

  /** A JDBC URL for {@code database}, or for no database when it is null. */
  public String jdbcUrl(String database) {
    return "jdbc:mysql://" + host + ":" + port + "/" + (database == null ? "" : database);
  }

  @Override
  public String toString() {
    return "MySqlEndpoint[" + host + ":" + port + ", admin=" + adminUser + "]";
  }
}
