package dev.wharf.core;

/** The identity of an app: its namespace and name, both validated DNS labels. */
public record AppRef(String namespace, String name) {

  public AppRef {
    DnsLabel.require("namespace", namespace);
    DnsLabel.require("app name", name);
  }

  public static AppRef of(String namespace, String name) {
    return new AppRef(namespace, name);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
