package dev.wharf.validate;

/** A usage or environment problem (no kustomize, bad option): nothing was validated. */
public final class ValidateException extends RuntimeException {
  public ValidateException(String message) {
    super(message);
  }

  public ValidateException(String message, Throwable cause) {
    super(message, cause);
  }
}
