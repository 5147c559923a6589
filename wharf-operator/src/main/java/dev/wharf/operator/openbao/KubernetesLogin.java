package dev.wharf.operator.openbao;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.operator.http.JsonHttp;
import dev.wharf.operator.http.PathSegments;
import dev.wharf.provisioning.ServiceException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * An OpenBao token from the Kubernetes auth method: logs in with the pod's ServiceAccount
 * token and logs in again when the OpenBao token is about to expire or was refused (revoked,
 * or OpenBao restored from a backup without it); the ServiceAccount token file is re-read each
 * time, as the kubelet rotates it.
 */
public final class KubernetesLogin implements OpenBaoToken {
  private static final Duration MARGIN = Duration.ofSeconds(60);

  private final JsonHttp http;
  private final String mount;
  private final String role;
  private final Path jwtFile;
  private final Clock clock;
  private String token;
  private Instant expires = Instant.EPOCH;

  public KubernetesLogin(URI address, SSLContext tls, String mount, String role, Path jwtFile, Clock clock) {
    this.http = new JsonHttp("OpenBao", address, Map::of, tls);
    this.mount = PathSegments.check("auth mount", mount);
    this.role = PathSegments.check("role", role);
    this.jwtFile = jwtFile;
    this.clock = clock;
  }

  @Override
  public synchronized String get() {
    if (token == null || clock.instant().isAfter(expires.minus(MARGIN))) {
      String jwt;
      try {
        jwt = Files.readString(jwtFile).strip();
      } catch (IOException e) {
        throw ServiceException.rejected("OpenBao", "cannot read the ServiceAccount token " + jwtFile
            + " for the OpenBao login (is the token mounted?)", e);
      }
      JsonNode auth = http.send("POST", "/v1/auth/" + mount + "/login", Map.of("role", role, "jwt", jwt), Set.of(200))
          .body().path("auth");
      token = auth.path("client_token").asText();
      expires = clock.instant().plusSeconds(Math.max(auth.path("lease_duration").asLong(300), 120));
    }
    return token;
  }

  @Override
  public synchronized void refused(String used) {
    if (used.equals(token)) {
      token = null;
    }
  }

  @Override
  public String toString() {
    return "KubernetesLogin[role=" + role + ", token=<redacted>]";
  }
}
