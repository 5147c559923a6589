package dev.wharf.examples.greeter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenAuthoritiesTest {
  private final TokenAuthorities converter = new TokenAuthorities();

  @Test
  void groupsAndRealmRolesBecomeAuthorities() {
    Jwt jwt = base()
        .claim("groups", List.of("team-a", "/platform-admins"))
        .claim("realm_access", Map.of("roles", List.of("developer")))
        .build();
    AbstractAuthenticationToken auth = converter.convert(jwt);
    assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("GROUP_team-a", "GROUP_platform-admins", "ROLE_developer");
    assertThat(auth.getName()).isEqualTo("dev-a");
  }

  @Test
  void aTokenWithoutGroupsHasNoAuthorities() {
    assertThat(converter.convert(base().claim("groups", "team-a").build()).getAuthorities())
        .isEmpty();
  }

  private static Jwt.Builder base() {
    return Jwt.withTokenValue("t").header("alg", "RS256").subject("1234")
        .claim("preferred_username", "dev-a").issuedAt(Instant.now());
  }
}
