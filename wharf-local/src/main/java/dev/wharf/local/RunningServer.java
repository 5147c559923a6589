package dev.wharf.local;

import java.time.Duration;

/** A started server: its process, how long it may take to stop gracefully, and its endpoint. */
record RunningServer(Service service, ChildProcess process, Duration grace, Object endpoint) {

  void stop() {
    process.stop(grace);
  }
}
