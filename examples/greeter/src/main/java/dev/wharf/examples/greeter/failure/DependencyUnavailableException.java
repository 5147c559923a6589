package dev.wharf.examples.greeter.failure;

/**
 * A server greeter depends on (MySQL, Redis) did not answer. The message names the dependency
 * only, never an address or a credential: it ends up in the response body.
 */
public class DependencyUnavailableException extends RuntimeException {
  private final String dependency;

  public DependencyUnavailableException(String dependency, Throwable cause) {
    super(dependency + " is unreachable", cause);
    this.dependency = dependency;
  }

  public String dependency() {
    return dependency;
  }
}
