package dev.wharf.login;

/**
 * An OAuth error answer ({@code error}, {@code error_description}, RFC 6749 section 5.2) from
 * the token, device or revocation endpoint.
 */
final class OAuthError extends RuntimeException {
  private final int status;
  private final String error;
  private final String description;

  OAuthError(int status, String error, String description) {
    super(error + (description == null || description.isBlank() ? "" : ": " + description)
        + " (HTTP " + status + ")");
    this.status = status;
    this.error = error;
    this.description = description;
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  String description() {
    return description;
  }

  boolean isClientProblem() {
    return "invalid_client".equals(error) || "unauthorized_client".equals(error);
  }
}
