package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.wharf.core.MySqlPrivileges;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

public class MySqlSpec {
  @Default("false")
  private boolean enabled;

  @Default("readWrite")
  @JsonPropertyDescription("readWrite (DML and DDL on the app's database) or readOnly (SELECT only).")
  private MySqlPrivileges privileges = MySqlPrivileges.READ_WRITE;

  @Min(1)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyDescription("Most sessions the app's user may hold at once on the shared MySQL; the server refuses the"
      + " next one. Defaults to the platform's default (20 unless the platform says otherwise); at most the platform's"
      + " maximum.")
  private Integer maxConnections;

  public MySqlSpec() {}

  public MySqlSpec(boolean enabled, MySqlPrivileges privileges) {
    this.enabled = enabled;
    this.privileges = privileges;
  }

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public MySqlPrivileges getPrivileges() { return privileges; }
  public void setPrivileges(MySqlPrivileges privileges) { this.privileges = privileges; }
  public Integer getMaxConnections() { return maxConnections; }
  public void setMaxConnections(Integer maxConnections) { this.maxConnections = maxConnections; }
  public MySqlPrivileges privilegesOrDefault() {
    return privileges == null ? MySqlPrivileges.READ_WRITE : privileges;
  }
}
