package dev.wharf.login.testing;

import dev.wharf.login.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the user's browser against Keycloak's own pages: follows redirects, keeps cookies, fills
 * in the login form and answers the consent page. Used as the {@link Browser} of the code flow
 * and to approve device codes.
 */
public final class TestBrowser implements Browser {

  /** What to answer on a consent page. */
  public enum Consent { APPROVE, DENY }

  private static final Pattern FORM = Pattern.compile(
      "<form[^>]*?action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern INPUT = Pattern.compile("<input[^>]*>", Pattern.DOTALL);
  private static final Pattern ATTR = Pattern.compile("(\\w[\\w-]*)=\"([^\"]*)\"");

  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(new LoopbackCookieJar())
      .followRedirects(HttpClient.Redirect.ALWAYS)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final String username;
  private final String password;
  private final Consent consent;
  private volatile String lastPage = "";

  public TestBrowser(String username, String password, Consent consent) {
    this.username = username;
    this.password = password;
    this.consent = consent;
  }

  /** Signs in at {@code uri} and follows Keycloak until it lets go (loopback or a final page). */
  @Override
  public void open(URI uri) {
    HttpResponse<String> page = get(uri);
    for (int step = 0; step < 6; step++) {
      String body = page.body();
      Map<String, String> login = form(body, "kc-form-login");
      if (login != null) {
        Map<String, String> fields = fields(login.get("_body"));
        fields.put("username", username);
        fields.put("password", password);
        page = post(resolve(page.uri(), login.get("_action")), fields);
        continue;
      }
      Map<String, String> anyForm = form(body, null);
      if (anyForm != null && (body.contains("name=\"accept\"") || body.contains("name=\"cancel\""))) {
        Map<String, String> fields = fields(anyForm.get("_body"));
        fields.remove("accept");
        fields.remove("cancel");
        if (consent == Consent.APPROVE) {
          fields.put("accept", "Yes");
        } else {
          fields.put("cancel", "No");
        }
        page = post(resolve(page.uri(), anyForm.get("_action")), fields);
        continue;
      }
      lastPage = body;
      return;
    }
    throw new IllegalStateException("Keycloak kept showing forms; last page:\n" + page.body());
  }

  /** The last page the browser stopped at (for assertions on Keycloak's final message). */
  public String lastPage() {
    return lastPage;
  }

  private HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  private HttpResponse<String> post(URI uri, Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("browser request to " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The first form (with the given id, if any): its action and inner HTML. */
  private static Map<String, String> form(String html, String id) {
    Matcher m = FORM.matcher(html);
    while (m.find()) {
      String tag = m.group(0).substring(0, m.group(0).indexOf('>') + 1);
      if (id == null || tag.contains("id=\"" + id + "\"")) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_action", unescape(m.group(1)));
        f.put("_body", m.group(2));
        return f;
      }
    }
    return null;
  }

  private static Map<String, String> fields(String formBody) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher input = INPUT.matcher(formBody);
    while (input.find()) {
      Map<String, String> attrs = new LinkedHashMap<>();
      Matcher a = ATTR.matcher(input.group());
      while (a.find()) {
        attrs.put(a.group(1), unescape(a.group(2)));
      }
      String type = attrs.getOrDefault("type", "text");
      if (attrs.containsKey("name") && !type.equals("submit")) {
        fields.put(attrs.get("name"), attrs.getOrDefault("value", ""));
      }
    }
    return fields;
  }

  private static URI resolve(URI base, String action) {
    return base.resolve(action);
  }

  private static String unescape(String s) {
    return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#x3d;", "=")
        .replace("&#61;", "=").replace("&lt;", "<").replace("&gt;", ">");
  }
}
