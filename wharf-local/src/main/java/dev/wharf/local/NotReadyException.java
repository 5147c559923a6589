package dev.wharf.local;

/**
 * A server was started but did not answer its readiness check in time. Callers that let the
 * user choose the timeout say how to raise it.
 */
public final class NotReadyException extends LocalRuntimeException {

  NotReadyException(String message) {
    super(message);
  }
}
