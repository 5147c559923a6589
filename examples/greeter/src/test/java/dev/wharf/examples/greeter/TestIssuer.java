package dev.wharf.examples.greeter;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An OIDC issuer for tests: its discovery document and signing keys over HTTP on loopback, and
 * RS256 access tokens shaped like Keycloak's (audience, groups, preferred_username). greeter
 * validates them exactly as it validates Keycloak's; the real Keycloak path is covered by
 * wharf-cli's DemoIT.
 */
final class TestIssuer implements AutoCloseable {
  private final RSAKey key;
  private final HttpServer server;
  private final String issuer;

  private TestIssuer(RSAKey key, HttpServer server) {
    this.key = key;
    this.server = server;
    this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
  }

  static TestIssuer start() {
    try {
      RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      TestIssuer issuer = new TestIssuer(key, server);
      server.createContext("/realms/test/.well-known/openid-configuration", exchange -> issuer.respond(exchange,
          "{\"issuer\":\"" + issuer.issuer + "\",\"jwks_uri\":\"" + issuer.issuer + "/certs\","
              + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
      server.createContext("/realms/test/certs",
          exchange -> issuer.respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
      server.start();
      return issuer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String issuer() {
    return issuer;
  }

  /** An access token for {@code user} in {@code groups}, for client {@code audience}, valid 5 minutes. */
  String token(String user, List<String> groups, String audience) {
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(UUID.randomUUID().toString())
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("preferred_username", user)
        .claim("groups", groups)
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private void respond(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
