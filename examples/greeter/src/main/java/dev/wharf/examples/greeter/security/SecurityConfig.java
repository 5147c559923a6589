package dev.wharf.examples.greeter.security;

import dev.wharf.examples.greeter.GreeterProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * greeter is an OAuth2 resource server: a token must come from the configured realm (401
 * otherwise), name greeter's client in its audience (401), and carry the team's group (403).
 * Probes and metrics are open, as the kubelet and Prometheus call them without a token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

  @Bean
  SecurityFilterChain api(HttpSecurity http, GreeterProperties props) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                    .permitAll()
                    // The error page of a request that already passed these rules: without this,
                    // denyAll below turns every 500 into a 403.
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/api/**")
                    .hasAuthority(TokenAuthorities.group(props.team()))
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(
            rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenAuthorities())))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable);
    return http.build();
  }

  /**
   * One trace span per request (from the HTTP server) is enough: Spring Security's own
   * observations would add a span per filter, about half of a cached read's CPU.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  JwtDecoder jwtDecoder(GreeterProperties props) {
    return new LazyJwtDecoder(() -> {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(props.issuerUri()).build();
      decoder.setJwtValidator(
          new DelegatingOAuth2TokenValidator<>(
              JwtValidators.createDefaultWithIssuer(props.issuerUri()),
              new AudienceValidator(props.clientId())));
      return decoder;
    });
  }
}
