package dev.wharf.login;

/**
 * A sign-in problem the user can act on. The message says what went wrong and what to do; it
 * never contains a token. {@link #reason()} lets the CLI choose an exit code.
 */
public final class LoginException extends RuntimeException {

  /** Why sign-in or token retrieval failed. */
  public enum Reason {
    /** The issuer could not be reached, or is not an OIDC issuer. */
    ISSUER_UNREACHABLE,
    /** Keycloak does not know the client, or the client may not use this flow. */
    BAD_CLIENT,
    /** The user refused, or the request was cancelled. */
    ACCESS_DENIED,
    /** No answer from the browser or the device approval in time. */
    TIMED_OUT,
    /** The token cache file cannot be read. */
    CORRUPT_CACHE,
    /** Nobody is signed in, or the session ended: run wharf login. */
    LOGIN_REQUIRED,
    /** The kubeconfig file cannot be read or written. */
    KUBECONFIG,
    /** The issuer answered something that breaks the protocol (bad token, bad state). */
    PROTOCOL
  }

  private final Reason reason;

  public LoginException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public LoginException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
