package dev.wharf.examples.greeter.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a Keycloak access token into authorities: each entry of {@code groups} becomes
 * {@code GROUP_<name>} (a leading slash, as Keycloak writes full paths, is dropped) and each
 * realm role {@code ROLE_<name>}. The principal's name is {@code preferred_username}.
 */
public final class TokenAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

  public static String group(String name) {
    return "GROUP_" + name;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String name = jwt.getClaimAsString("preferred_username");
    return new JwtAuthenticationToken(jwt, authorities(jwt), name != null ? name : jwt.getSubject());
  }

  public Collection<GrantedAuthority> authorities(Jwt jwt) {
    List<GrantedAuthority> out = new ArrayList<>();
    for (String g : strings(jwt.getClaims().get("groups"))) {
      out.add(new SimpleGrantedAuthority(group(g.startsWith("/") ? g.substring(1) : g)));
    }
    if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realm) {
      for (String r : strings(realm.get("roles"))) {
        out.add(new SimpleGrantedAuthority("ROLE_" + r));
      }
    }
    return out;
  }

  private static List<String> strings(Object claim) {
    if (!(claim instanceof Collection<?> values)) {
      return List.of();
    }
    return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }
}
