package dev.wharf.examples.greeter.security;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts a token only when its audience names greeter's client. Every client of the realm gets
 * tokens from the same issuer, so without this a token minted for another app would work here.
 */
public final class AudienceValidator implements OAuth2TokenValidator<Jwt> {
  private final String clientId;

  public AudienceValidator(String clientId) {
    this.clientId = clientId;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt jwt) {
    List<String> audience = jwt.getAudience();
    if (audience != null && audience.contains(clientId)) {
      return OAuth2TokenValidatorResult.success();
    }
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(
            OAuth2ErrorCodes.INVALID_TOKEN,
            "The token's audience does not include " + clientId
                + "; request a token for this client (or one whose audience mapper adds it).",
            null));
  }
}
