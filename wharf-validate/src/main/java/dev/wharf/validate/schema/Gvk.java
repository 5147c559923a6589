package dev.wharf.validate.schema;

/** group (empty for the core group), version, kind. */
public record Gvk(String group, String version, String kind) {
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
