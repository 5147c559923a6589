package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.wharf.core.MySqlPrivileges;
import io.fabric8.generator.annotation.Default;

public class MySqlSpec {
  @Default("false")
  private boolean enabled;

  @Default("readWrite")
  @JsonPropertyDescription("readWrite (DML and DDL on the app's database) or readOnly (SELECT only).")
  private MySqlPrivileges privileges = MySqlPrivileges.READ_WRITE;

  public MySqlSpec() {}

  public MySqlSpec(boolean enabled, MySqlPrivileges privileges) {
    this.enabled = enabled;
    this.privileges = privileges;
  }

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public MySqlPrivileges getPrivileges() { return privileges; }
  public void setPrivileges(MySqlPrivileges privileges) { this.privileges = privileges; }
  public MySqlPrivileges privilegesOrDefault() {
    return privileges == null ? MySqlPrivileges.READ_WRITE : privileges;
  }
}
