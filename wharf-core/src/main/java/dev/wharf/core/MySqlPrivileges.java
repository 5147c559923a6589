package dev.wharf.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;
import java.util.TreeSet;

/** What an app's MySQL user may do on its own database, and nowhere else (spec.mysql.privileges). */
public enum MySqlPrivileges {
  /** Data and schema changes (migrations) in the app's database. No GRANT OPTION. */
  @JsonProperty("readWrite") READ_WRITE(Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER",
      "DROP", "INDEX", "REFERENCES", "CREATE TEMPORARY TABLES", "LOCK TABLES", "CREATE VIEW",
      "SHOW VIEW", "TRIGGER", "EXECUTE")),
  /** Reads only. */
  @JsonProperty("readOnly") READ_ONLY(Set.of("SELECT", "SHOW VIEW"));

  private final Set<String> privileges;

  MySqlPrivileges(Set<String> privileges) {
    this.privileges = new TreeSet<>(privileges);
  }

  /** The privilege names as MySQL spells them in GRANT and information_schema, sorted. */
  public Set<String> privileges() {
    return privileges;
  }
}
