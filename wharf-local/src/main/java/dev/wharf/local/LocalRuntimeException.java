package dev.wharf.local;

/**
 * A local service could not be started or stopped. The message says what went wrong, what to do
 * about it and, when there is one, which log file to read.
 */
public class LocalRuntimeException extends RuntimeException {

  public LocalRuntimeException(String message) {
    super(message);
  }

  public LocalRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
