package dev.wharf.examples.greeter;

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
 */
@Validated
@ConfigurationProperties("greeter")
public record GreeterProperties(
    @NotBlank(message = "set GREETER_TEAM (default team-a)") String team,
    @NotBlank(message = "set OIDC_ISSUER_URI to the Keycloak realm URL") String issuerUri,
    @NotBlank(message = "set OIDC_CLIENT_ID to greeter's Keycloak client id") String clientId,
    @NotBlank(message = "set REDIS_KEY_PREFIX, e.g. greeter:") String keyPrefix) {}
