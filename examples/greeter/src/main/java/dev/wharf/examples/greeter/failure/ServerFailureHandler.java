package dev.wharf.examples.greeter.failure;

import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A server-side failure is answered with a 5xx and a problem+json body, never with 401/403:
 * while MySQL or Redis is unreachable the answer is 503 naming the dependency, so a caller (and
 * the developer reading the logs) can tell an outage from a credential problem.
 */
@RestControllerAdvice
public class ServerFailureHandler {
  static final URI TYPE = URI.create("https://wharf.dev/problems/dependency-unavailable");
  /** Seconds a client should wait before trying again; the pools reconnect on their own. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ServerFailureHandler.class);

  @ExceptionHandler(DependencyUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(DependencyUnavailableException e) {
    return serviceUnavailable(e.dependency(), e);
  }

  /** Redis failures arrive as DependencyUnavailableException (see CacheFailures): the rest is JDBC. */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    RecoverableDataAccessException.class
  })
  ResponseEntity<ProblemDetail> database(RuntimeException e) {
    return serviceUnavailable("MySQL", e);
  }

  private static ResponseEntity<ProblemDetail> serviceUnavailable(String dependency, Exception e) {
    LOG.warn("answering 503: {} is unreachable ({})", dependency, e.getClass().getSimpleName());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        dependency + " is unreachable; greeter reconnects on its own, try again shortly.");
    problem.setType(TYPE);
    problem.setTitle("Dependency unavailable");
    problem.setProperty("dependency", dependency);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
        .body(problem);
  }
}
