package dev.wharf.examples.greeter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The greeter's settings. application.yaml fills them from the platform's env keys
 * (OIDC_ISSUER_URI, OIDC_CLIENT_ID, REDIS_KEY_PREFIX) and GREETER_TEAM.
 *
 * @param team the team whose members may call the API (a token's groups must contain it)
 * @param issuerUri the Keycloak realm that issues the tokens
 * @param clientId greeter's own client: a token's audience must contain it
 * @param keyPrefix the Redis key prefix greeter's ACL user may touch
 * @param redis where Redis is and greeter's ACL user
 */
@Validated
@ConfigurationProperties("greeter")
public record GreeterProperties(
    @NotBlank(message = "set GREETER_TEAM (default team-a)") String team,
    @NotBlank(message = "set OIDC_ISSUER_URI to the Keycloak realm URL") String issuerUri,
    @NotBlank(message = "set OIDC_CLIENT_ID to greeter's Keycloak client id") String clientId,
    @NotBlank(message = "set REDIS_KEY_PREFIX, e.g. greeter:") String keyPrefix,
    @Valid Redis redis) {

  /**
   * REDIS_URL ({@code redis://host:port}), REDIS_USERNAME and REDIS_PASSWORD. Spring's own
   * {@code spring.data.redis.url} would ignore a separate user and password, hence these.
   */
  public record Redis(
      @NotBlank(message = "set REDIS_URL, e.g. redis://redis.redis.svc:6379") String url,
      @NotBlank(message = "set REDIS_USERNAME to greeter's ACL user") String username,
      @NotBlank(message = "set REDIS_PASSWORD") String password) {
    @Override
    public String toString() {
      return "Redis[" + url + ", user=" + username + ", password=(hidden)]";
    }
  }
}
