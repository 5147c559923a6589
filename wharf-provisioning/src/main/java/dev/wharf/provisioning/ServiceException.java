package dev.wharf.provisioning;

/**
 * A platform service (MySQL, Redis, Keycloak, OpenBao, Harbor) refused or failed a call. The
 * code that made the call decides, from what it saw there, whether the service was
 * unavailable (could not be reached, or answered that it cannot serve now: a later try may
 * succeed) or rejected the call. The message names the service, the object and the
 * operation; it never contains a secret.
 */
public final class ServiceException extends RuntimeException {
  private final String service;
  private final boolean unavailable;
  private final int status;

  /** @param status the HTTP status the service answered with, or 0 */
  public ServiceException(String service, boolean unavailable, int status, String message, Throwable cause) {
    super(message, cause);
    this.service = service;
    this.unavailable = unavailable;
    this.status = status;
  }

  /** The service could not be reached, or cannot serve now. */
  public static ServiceException unavailable(String service, String message, Throwable cause) {
    return new ServiceException(service, true, 0, message, cause);
  }

  /** The service (or Wharf on its behalf) refused the call as made. */
  public static ServiceException rejected(String service, String message) {
    return new ServiceException(service, false, 0, message, null);
  }

  public static ServiceException rejected(String service, String message, Throwable cause) {
    return new ServiceException(service, false, 0, message, cause);
  }

  /** An HTTP answer the caller did not expect: 5xx and 429 say the service cannot serve now. */
  public static ServiceException answered(String service, int status, String message) {
    return new ServiceException(service, status >= 500 || status == 429, status, message, null);
  }

  public String service() {
    return service;
  }

  public boolean unavailable() {
    return unavailable;
  }

  /** The HTTP status, or 0 when none came (or the service does not speak HTTP). */
  public int status() {
    return status;
  }
}
