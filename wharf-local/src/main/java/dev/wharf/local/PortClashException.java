package dev.wharf.local;

/** A server could not bind a port: another program took it. A free-port start may retry. */
final class PortClashException extends LocalRuntimeException {

  PortClashException(String message) {
    super(message);
  }
}
