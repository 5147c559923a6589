package dev.wharf.examples.greeter.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.wharf.examples.greeter.GreeterProperties;
import dev.wharf.examples.greeter.data.Greeting;
import dev.wharf.examples.greeter.data.GreetingService;
import dev.wharf.examples.greeter.failure.DependencyUnavailableException;
import dev.wharf.examples.greeter.security.SecurityConfig;
import dev.wharf.examples.greeter.security.TokenAuthorities;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The API's HTTP contract and its security rules, with the service mocked out. */
@WebMvcTest(
    controllers = GreetingController.class,
    properties = {
      "greeter.team=team-a",
      "greeter.issuer-uri=http://127.0.0.1:1/realms/wharf",
      "greeter.client-id=greeter",
      "greeter.key-prefix=greeter:",
      "greeter.redis.url=redis://127.0.0.1:6379",
      "greeter.redis.username=u",
      "greeter.redis.password=p"
    })
@Import(SecurityConfig.class)
@EnableConfigurationProperties(GreeterProperties.class)
class GreetingControllerTest {
  private static final Greeting ADA =
      new Greeting(7, "Ada", "Hello, Ada!", "dev-a", Instant.parse("2026-01-01T00:00:00Z"));

  @Autowired MockMvc mvc;
  @MockitoBean GreetingService greetings;
  @MockitoBean JwtDecoder decoder;

  @Test
  void noTokenIs401() throws Exception {
    mvc.perform(get("/api/greetings/7")).andExpect(status().isUnauthorized());
    verifyNoInteractions(greetings);
  }

  @Test
  void aMemberOfAnotherTeamIs403() throws Exception {
    mvc.perform(get("/api/greetings/7").with(member("dev-b", "team-b")))
        .andExpect(status().isForbidden());
    verifyNoInteractions(greetings);
  }

  @Test
  void aTeamMemberCreatesAGreeting() throws Exception {
    when(greetings.create(eq("Ada"), eq("dev-a"))).thenReturn(ADA);
    mvc.perform(post("/api/greetings").with(member("dev-a", "team-a"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \" Ada \"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/greetings/7"))
        .andExpect(jsonPath("$.message").value("Hello, Ada!"))
        .andExpect(jsonPath("$.createdBy").value("dev-a"));
  }

  @Test
  void aBlankNameIs400WithAHint() throws Exception {
    mvc.perform(post("/api/greetings").with(member("dev-a", "team-a"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\"}"))
        .andExpect(status().isBadRequest());
    verifyNoInteractions(greetings);
  }

  @Test
  void readsAGreetingOr404() throws Exception {
    when(greetings.find(7)).thenReturn(Optional.of(ADA));
    when(greetings.find(8)).thenReturn(Optional.empty());
    mvc.perform(get("/api/greetings/7").with(member("dev-a", "team-a")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Ada"));
    mvc.perform(get("/api/greetings/8").with(member("dev-a", "team-a")))
        .andExpect(status().isNotFound());
  }

  @Test
  void listsTheLatestWithinBounds() throws Exception {
    when(greetings.latest(20)).thenReturn(List.of(ADA));
    mvc.perform(get("/api/greetings").with(member("dev-a", "team-a")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(7));
    mvc.perform(get("/api/greetings?limit=1000").with(member("dev-a", "team-a")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void mySqlUnreachableIs503NamingIt() throws Exception {
    when(greetings.latest(20)).thenThrow(new CannotGetJdbcConnectionException(
        "Failed to obtain JDBC Connection", new SQLException("Access denied for user 'team-a.greeter'")));
    mvc.perform(get("/api/greetings").with(member("dev-a", "team-a")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(jsonPath("$.dependency").value("MySQL"))
        .andExpect(jsonPath("$.status").value(503))
        .andExpect(content().string(not(containsString("team-a.greeter"))));
  }

  @Test
  void redisUnreachableIs503NamingIt() throws Exception {
    when(greetings.find(7)).thenThrow(new DependencyUnavailableException("Redis",
        new RedisConnectionFailureException("Unable to connect to 127.0.0.1:6379")));
    mvc.perform(get("/api/greetings/7").with(member("dev-a", "team-a")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.dependency").value("Redis"))
        .andExpect(jsonPath("$.detail").value(
            "Redis is unreachable; greeter reconnects on its own, try again shortly."));
  }

  @Test
  void otherPathsAreClosed() throws Exception {
    mvc.perform(get("/actuator/env").with(member("dev-a", "team-a")))
        .andExpect(status().isForbidden());
  }

  private static JwtRequestPostProcessor member(String user, String group) {
    return jwt()
        .jwt(j -> j.claim("preferred_username", user).claim("groups", List.of(group)))
        .authorities(new TokenAuthorities()::authorities);
  }
}
