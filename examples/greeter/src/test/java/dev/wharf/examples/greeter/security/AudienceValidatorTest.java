package dev.wharf.examples.greeter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class AudienceValidatorTest {
  private final AudienceValidator validator = new AudienceValidator("greeter");

  @Test
  void acceptsATokenWhoseAudienceNamesTheClient() {
    assertThat(validator.validate(token(List.of("account", "greeter"))).hasErrors()).isFalse();
  }

  @Test
  void refusesATokenForAnotherClientAndSaysWhy() {
    OAuth2TokenValidatorResult result = validator.validate(token(List.of("billing")));
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.getErrors()).first()
        .satisfies(e -> assertThat(e.getDescription()).contains("greeter"));
  }

  @Test
  void refusesATokenWithoutAudience() {
    Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u")
        .issuedAt(Instant.now()).build();
    assertThat(validator.validate(jwt).hasErrors()).isTrue();
  }

  private static Jwt token(List<String> audience) {
    return Jwt.withTokenValue("t").header("alg", "RS256").subject("u").audience(audience)
        .issuedAt(Instant.now()).build();
  }
}
