package dev.wharf.provisioning.keycloak;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Keycloak admin API path built from segments, each percent-encoded, so that no name can
 * add a segment or a query of its own.
 */
final class AdminPath {

  private final StringBuilder path = new StringBuilder("/admin/realms");
  private final Map<String, String> query = new LinkedHashMap<>();

  private AdminPath() {}

  static AdminPath realms() {
    return new AdminPath();
  }

  static AdminPath realm(String realm) {
    return realms().add(realm);
  }

  AdminPath add(String... segments) {
    for (String s : segments) {
      path.append('/').append(encode(s));
    }
    return this;
  }

  AdminPath query(String name, String value) {
    query.put(name, value);
    return this;
  }

  @Override
  public String toString() {
    var out = new StringBuilder(path);
    char sep = '?';
    for (var e : query.entrySet()) {
      out.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    return out.toString();
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
