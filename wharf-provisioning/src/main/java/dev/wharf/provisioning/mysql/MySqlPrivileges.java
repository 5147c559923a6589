package dev.wharf.provisioning.mysql;

import java.util.Set;
import java.util.TreeSet;

/** The privileges an app's user gets on its own database, and nowhere else. */
public enum MySqlPrivileges {
  /** Data and schema changes (migrations) in the app's database. No GRANT OPTION. */
  READ_WRITE("readWrite", Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER",
      "DROP", "INDEX", "REFERENCES", "CREATE TEMPORARY TABLES", "LOCK TABLES", "CREATE VIEW",
      "SHOW VIEW", "TRIGGER", "EXECUTE")),
  /** Reads only. */
  READ_ONLY("readOnly", Set.of("SELECT", "SHOW VIEW"));

  private final String specName;
  private final Set<String> privileges;

  MySqlPrivileges(String specName, Set<String> privileges) {
    this.specName = specName;
    this.privileges = new TreeSet<>(privileges);
  }

  /** The value used in the App spec: {@code readWrite} or {@code readOnly}. */
  public String specName() {
    return specName;
  }

  /** The privilege names as MySQL spells them in GRANT and information_schema, sorted. */
  public Set<String> privileges() {
    return privileges;
  }

  /** Parses the App spec value; a clear error lists the accepted values. */
  public static MySqlPrivileges fromSpec(String value) {
    for (var p : values()) {
      if (p.specName.equals(value) || p.name().equals(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown MySQL privileges \"" + value
        + "\": use readWrite or readOnly");
  }
}
