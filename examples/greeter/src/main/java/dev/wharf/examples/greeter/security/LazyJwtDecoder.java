package dev.wharf.examples.greeter.security;

import java.util.function.Supplier;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Builds the real decoder on the first token, not at startup: Spring's issuer-based builder
 * reads the issuer's discovery document right away, which would tie greeter's start (and its
 * readiness) to Keycloak's. A failed build is retried on the next token.
 */
final class LazyJwtDecoder implements JwtDecoder {
  private final Supplier<JwtDecoder> factory;
  private volatile JwtDecoder delegate;

  LazyJwtDecoder(Supplier<JwtDecoder> factory) {
    this.factory = factory;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    return delegate().decode(token);
  }

  private JwtDecoder delegate() {
    JwtDecoder d = delegate;
    if (d == null) {
      synchronized (this) {
        d = delegate;
        if (d == null) {
          try {
            d = factory.get();
          } catch (RuntimeException e) {
            // Surfaces as 401 with this reason; the next request tries again.
            throw new JwtException("cannot reach the token issuer yet: " + e.getMessage(), e);
          }
          delegate = d;
        }
      }
    }
    return d;
  }
}
