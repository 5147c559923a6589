package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the app's MySQL user may do in its own database. */
public enum MySqlPrivileges {
  @JsonProperty("readWrite") READ_WRITE("readWrite"),
  @JsonProperty("readOnly") READ_ONLY("readOnly");

  private final String value;

  MySqlPrivileges(String value) {
    this.value = value;
  }

  /** The value as written in the spec. */
  public String value() {
    return value;
  }
}
