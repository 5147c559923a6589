package dev.wharf.validate;

/** apiVersion, kind, namespace and name of one object; missing parts are empty strings. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

  public ObjectRef {
    apiVersion = apiVersion == null ? "" : apiVersion;
    kind = kind == null ? "" : kind;
    namespace = namespace == null ? "" : namespace;
    name = name == null ? "" : name;
  }

  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public String version() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  @Override
  public String toString() {
    String k = kind.isEmpty() ? "?" : kind;
    String n = name.isEmpty() ? "?" : name;
    return namespace.isEmpty() ? k + "/" + n : k + "/" + namespace + "/" + n;
  }
}
