package dev.wharf.local;

import java.time.Duration;

/** A started server: its process and how long it may take to stop gracefully. */
record RunningServer(Service service, ChildProcess process, Duration grace, Object endpoint) {

  void stop() {
    process.stop(grace);
  }
}
