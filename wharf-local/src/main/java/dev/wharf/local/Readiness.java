package dev.wharf.local;

import java.time.Duration;

/** Waits until a freshly started server answers, or says clearly why it does not. */
final class Readiness {

  private static final int LOG_LINES = 15;

  /** One attempt to talk to the server; true when it is ready. */
  interface Probe {
    boolean ready() throws Exception;
  }

  private Readiness() {}

  /** The last failed check in words; some exceptions (a refused connection) carry no message. */
  static String describe(Exception last) {
    if (last == null) {
      return "not ready";
    }
    String message = last.getMessage();
    return message == null || message.isBlank() ? last.getClass().getSimpleName() : message;
  }

  static void await(Service service, ChildProcess process, Duration timeout, Duration interval, Probe probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (true) {
      if (!process.isAlive()) {
        String tail = process.tailLog(LOG_LINES);
        String message = service.displayName() + " exited during start (exit code " + process.exitCode() + ").";
        String readLog = " Read " + process.logFile() + "; its last lines:\n" + tail;
        if (tail.contains("Address already in use") || tail.contains("Bind on TCP/IP port")) {
          throw new PortClashException(message + " A port it needs is in use: stop the program using it, or choose "
              + "another port." + readLog);
        }
        throw new LocalRuntimeException(message + readLog);
      }
      try {
        if (probe.ready()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new NotReadyException(service.displayName() + " was not ready within " + timeout.toSeconds()
            + " s (last check: " + describe(last) + "). Read "
            + process.logFile() + "; on a slow or busy machine raise the timeout. Its last lines:\n"
            + process.tailLog(LOG_LINES));
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalRuntimeException("interrupted while waiting for " + service.displayName(), e);
      }
    }
  }
}
