package dev.wharf.cli.up;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The HTTP calls of the demo: a token from Keycloak, and calls to greeter. */
final class DemoHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Response(int status, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  /** A password-grant access token for {@code user} from {@code clientId}. */
  String token(String tokenEndpoint, String clientId, String clientSecret, String user,
      String password) throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("username", user);
    form.put("password", password);
    form.put("scope", "openid");
    String basic = Base64.getEncoder().encodeToString(
        (encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"))))
        .build();
    Response r = send(request);
    if (r.status() != 200) {
      // Keycloak's error body names the problem (e.g. invalid_grant) and holds no secret.
      throw new IOException("Keycloak refused a token for " + user + " with client " + clientId
          + ": HTTP " + r.status() + " " + r.body());
    }
    return r.json().path("access_token").asText();
  }

  Response get(String url, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.GET().build());
  }

  Response postJson(String url, String token, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  static String json(Object value) throws IOException {
    return JSON.writeValueAsString(value);
  }

  private Response send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body());
  }

  /** Form and Basic encoding (RFC 6749 2.3.1 encodes client id and secret too). */
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
