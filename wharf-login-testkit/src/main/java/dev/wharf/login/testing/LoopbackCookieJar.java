package dev.wharf.login.testing;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cookies as a browser keeps them for a loopback server: Keycloak marks its cookies Secure, and
 * browsers treat 127.0.0.1 as a secure origin while the JDK's CookieManager drops them on http.
 * One host only, which is all a test talks to.
 */
final class LoopbackCookieJar extends CookieHandler {

  private final Map<String, HttpCookie> cookies = new LinkedHashMap<>();

  @Override
  public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
    List<String> pairs = new ArrayList<>();
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    cookies.values().removeIf(HttpCookie::hasExpired);
    for (HttpCookie c : cookies.values()) {
      String cookiePath = c.getPath() == null ? "/" : c.getPath();
      if (path.startsWith(cookiePath) || (path + "/").startsWith(cookiePath)) {
        pairs.add(c.getName() + "=" + c.getValue());
      }
    }
    return pairs.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", pairs)));
  }

  @Override
  public synchronized void put(URI uri, Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() == null || !h.getKey().equalsIgnoreCase("Set-Cookie")) {
        continue;
      }
      for (String value : h.getValue()) {
        for (HttpCookie c : HttpCookie.parse(value)) {
          String key = c.getName() + "|" + c.getPath();
          if (c.getMaxAge() == 0) {
            cookies.remove(key);
          } else {
            cookies.put(key, c);
          }
        }
      }
    }
  }
}
