package dev.wharf.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The HTTP side of OIDC: discovery, JSON GETs and form POSTs. Turns network failures and OAuth
 * error answers into messages that name the issuer and what to check.
 */
public final class OidcHttp {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;

  public OidcHttp() {
    this(client(HttpClient.Redirect.NORMAL));
  }

  public OidcHttp(HttpClient http) {
    this.http = http;
  }

  /** Reads {@code <issuer>/.well-known/openid-configuration} and checks it names the same issuer. */
  public ProviderMetadata discover(String issuer) {
    Issuers.parse(issuer);
    URI uri = URI.create(Issuers.trimSlash(issuer) + "/.well-known/openid-configuration");
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET(), issuer);
    if (response.statusCode() != 200) {
      throw new LoginException(LoginException.Reason.ISSUER_UNREACHABLE,
          issuer + " is not an OIDC issuer: " + uri + " answered HTTP " + response.statusCode()
              + ". Check --issuer: for Keycloak it is the realm URL, like"
              + " https://keycloak.example.com/realms/wharf.");
    }
    JsonNode doc = parse(response.body(), uri);
    String declared = text(doc, "issuer");
    if (declared == null || !Issuers.trimSlash(declared).equals(Issuers.trimSlash(issuer))) {
      throw new LoginException(LoginException.Reason.ISSUER_UNREACHABLE,
          "the discovery document at " + uri + " names issuer '" + declared + "', not '" + issuer
              + "'. Use exactly that issuer URL with --issuer (Keycloak's hostname setting"
              + " decides it).");
    }
    return new ProviderMetadata(
        declared,
        requiredUri(doc, "authorization_endpoint", uri),
        requiredUri(doc, "token_endpoint", uri),
        requiredUri(doc, "jwks_uri", uri),
        optionalUri(doc, "device_authorization_endpoint", uri),
        optionalUri(doc, "revocation_endpoint", uri),
        optionalUri(doc, "end_session_endpoint", uri));
  }

  /** GETs {@code uri} without following redirects (to see what the browser would be shown). */
  HttpResponse<String> getWithoutRedirects(URI uri, String issuer) {
    try (HttpClient direct = client(HttpClient.Redirect.NEVER)) {
      return send(direct, HttpRequest.newBuilder(uri).GET(), issuer);
    }
  }

  /** GETs a JSON document (e.g. the JWKS) as text. */
  public String getText(URI uri, String issuer) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET(), issuer);
    if (response.statusCode() != 200) {
      throw new LoginException(LoginException.Reason.ISSUER_UNREACHABLE,
          uri + " answered HTTP " + response.statusCode() + "; is " + issuer + " healthy?");
    }
    return response.body();
  }

  /**
   * POSTs a form and returns the JSON answer. An OAuth error answer becomes {@link OAuthError};
   * an empty 2xx body (revocation, logout) becomes an empty object.
   */
  JsonNode postForm(URI uri, Map<String, String> form, String issuer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
    HttpResponse<String> response = send(request, issuer);
    String body = response.body() == null ? "" : response.body();
    JsonNode json = body.isBlank() ? JSON.createObjectNode() : tryParse(body);
    if (response.statusCode() / 100 == 2 && json != null) {
      return json;
    }
    if (json != null && json.hasNonNull("error")) {
      throw new OAuthError(response.statusCode(), json.get("error").asText(),
          text(json, "error_description"));
    }
    throw new LoginException(LoginException.Reason.PROTOCOL,
        uri + " answered HTTP " + response.statusCode() + " without an OAuth answer; is "
            + issuer + " a Keycloak realm?");
  }

  static String formBody(Map<String, String> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach((k, v) -> {
      if (v != null) {
        body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    return body.toString();
  }

  private static HttpClient client(HttpClient.Redirect redirects) {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(redirects)
        .build();
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String issuer) {
    return send(http, request, issuer);
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request,
      String issuer) {
    try {
      return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw unreachable(issuer, hostUnknown(e) ? "its host name is not known"
          : "connection refused or timed out", e);
    } catch (HttpTimeoutException e) {
      throw unreachable(issuer, "no answer within " + TIMEOUT.toSeconds() + " s", e);
    } catch (IOException e) {
      throw unreachable(issuer, String.valueOf(e.getMessage() == null ? e : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoginException(LoginException.Reason.TIMED_OUT, "interrupted", e);
    }
  }

  private static boolean hostUnknown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private static LoginException unreachable(String issuer, String why, Exception cause) {
    return new LoginException(LoginException.Reason.ISSUER_UNREACHABLE,
        "cannot reach the issuer " + issuer + " (" + why + "). Check the --issuer URL and"
            + " your network or VPN.", cause);
  }

  private static JsonNode parse(String body, URI uri) {
    JsonNode json = tryParse(body);
    if (json == null || !json.isObject()) {
      throw new LoginException(LoginException.Reason.ISSUER_UNREACHABLE,
          uri + " did not answer with JSON; check --issuer.");
    }
    return json;
  }

  private static JsonNode tryParse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  static String text(JsonNode json, String field) {
    JsonNode n = json.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static URI requiredUri(JsonNode doc, String field, URI from) {
    URI u = optionalUri(doc, field, from);
    if (u == null) {
      throw new LoginException(LoginException.Reason.ISSUER_UNREACHABLE,
          from + " has no '" + field + "'; is this an OIDC issuer?");
    }
    return u;
  }

  private static URI optionalUri(JsonNode doc, String field, URI from) {
    String s = text(doc, field);
    return s == null || s.isBlank() ? null : endpoint(s, field, from);
  }

  /**
   * An endpoint from the discovery document. Codes, tokens and refresh tokens go there, so the
   * issuer's own rule applies: https, plain http only on this machine.
   */
  static URI endpoint(String value, String field, URI from) {
    URI u;
    try {
      u = new URI(value);
    } catch (URISyntaxException e) {
      throw new LoginException(LoginException.Reason.ISSUER_UNREACHABLE,
          from + " gives '" + field + "' as '" + value + "', which is not a URL; is this an"
              + " OIDC issuer?");
    }
    if (!Issuers.encryptedOrLocal(u)) {
      throw new LoginException(LoginException.Reason.ISSUER_UNREACHABLE,
          from + " gives '" + field + "' as " + value + ", not an https URL, so tokens would"
              + " travel unencrypted. Keycloak behind a TLS proxy must be told so (its"
              + " proxy-headers option); ask the platform team.");
    }
    return u;
  }
}
