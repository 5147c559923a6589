package dev.wharf.local;

import java.nio.file.Path;

/** A server could not bind a port: another program took it. A free-port start may retry. */
final class PortClashException extends ExitedException {
  PortClashException(String message, int exitCode, Path logFile) {
    super(message, exitCode, logFile);
  }
}
