package dev.wharf.local;

import java.nio.file.Path;

/** A started process ended before it was ready. The message quotes the end of its log. */
public class ExitedException extends LocalRuntimeException {
  private final int exitCode;
  private final Path logFile;

  ExitedException(String message, int exitCode, Path logFile) {
    super(message);
    this.exitCode = exitCode;
    this.logFile = logFile;
  }

  /** The exception for {@code name}, a port clash when its log says a port was in use. */
  static ExitedException of(String name, int exitCode, Path logFile, String tail) {
    String message = name + " exited during start (exit code " + exitCode + ").";
    String readLog = " Read " + logFile + "; its last lines:\n" + tail;
    if (tail.contains("Address already in use") || tail.contains("Bind on TCP/IP port")) {
      return new PortClashException(message + " A port it needs is in use: stop the program using it, or choose "
          + "another port." + readLog, exitCode, logFile);
    }
    return new ExitedException(message + readLog, exitCode, logFile);
  }

  /** Its exit status (128 + signal when it was killed). */
  public int exitCode() {
    return exitCode;
  }

  public Path logFile() {
    return logFile;
  }
}
