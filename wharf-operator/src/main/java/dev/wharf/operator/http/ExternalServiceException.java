package dev.wharf.operator.http;

/**
 * A platform service (OpenBao, Harbor, MySQL, ...) failed a request. {@code unavailable} means
 * it could not be reached or answered 5xx, so retrying later may help; otherwise it rejected the
 * request. Messages carry method, path and status only, never a request or response body that
 * could hold a secret.
 */
public class ExternalServiceException extends RuntimeException {
  private final String service;
  private final boolean unavailable;
  private final int status;

  public ExternalServiceException(String service, boolean unavailable, int status, String message, Throwable cause) {
    super(message, cause);
    this.service = service;
    this.unavailable = unavailable;
    this.status = status;
  }

  public String service() { return service; }
  public boolean unavailable() { return unavailable; }
  /** HTTP status, or 0 when no answer came. */
  public int status() { return status; }
}
