package dev.wharf.cli;

/**
 * A problem the user can fix: the message says what went wrong and what to do. The error
 * handler prints it without a stack trace and exits with {@link #exitCode()}.
 */
public class UserError extends RuntimeException {
  private final int exitCode;

  public UserError(String message) {
    this(message, 2);
  }

  public UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
