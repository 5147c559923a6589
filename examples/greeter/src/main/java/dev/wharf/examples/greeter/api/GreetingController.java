package dev.wharf.examples.greeter.api;

import dev.wharf.examples.greeter.data.Greeting;
import dev.wharf.examples.greeter.data.GreetingService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The greeter's REST API. Who may call it is decided in SecurityConfig. */
@RestController
@RequestMapping("/api/greetings")
public class GreetingController {
  private final GreetingService greetings;

  public GreetingController(GreetingService greetings) {
    this.greetings = greetings;
  }

  @PostMapping
  public ResponseEntity<Greeting> create(
      @Valid @RequestBody GreetingRequest request, @AuthenticationPrincipal Jwt jwt) {
    Greeting created = greetings.create(request.name().strip(), caller(jwt));
    return ResponseEntity.created(URI.create("/api/greetings/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  public ResponseEntity<Greeting> get(@PathVariable long id) {
    return ResponseEntity.of(greetings.find(id));
  }

  @GetMapping
  public List<Greeting> latest(
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return greetings.latest(limit);
  }

  private static String caller(Jwt jwt) {
    String user = jwt.getClaimAsString("preferred_username");
    return user != null ? user : jwt.getSubject();
  }
}
