package dev.wharf.core;

import java.util.Objects;

/**
 * A MySQL-compatible server and the administrator account that provisions on it (in a
 * cluster: mysql.mysql.svc:3306; locally: the runtime's MariaDB, as wharf-local starts it).
 * toString shows no password.
 */
public record MySqlServer(String host, int port, String adminUser, Secret adminPassword) {

  public MySqlServer {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(adminUser, "adminUser");
    Objects.requireNonNull(adminPassword, "adminPassword");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("MySQL port out of range: " + port);
    }
  }

  /** {@code jdbc:mysql://host:port/database}, the form apps receive as MYSQL_URL; no database when null. */
  public String jdbcUrl(String database) {
    return "jdbc:mysql://" + host + ":" + port + "/" + (database == null ? "" : database);
  }
}
