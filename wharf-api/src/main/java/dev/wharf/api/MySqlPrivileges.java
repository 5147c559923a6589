package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the app's MySQL user may do in its own database. */
public enum MySqlPrivileges {
  @JsonProperty("readWrite") READ_WRITE,
  @JsonProperty("readOnly") READ_ONLY
}
