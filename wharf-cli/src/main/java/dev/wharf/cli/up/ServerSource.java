package dev.wharf.cli.up;

import dev.wharf.local.LocalRuntime;

/**
 * Where the local platform's servers come from: a runtime of its own, built as 'wharf up' and
 * 'wharf demo' configure it and stopped with the platform ({@link #OWN}), or servers that
 * already run (a test's), which the platform uses and leaves running.
 */
interface ServerSource {
  ServerSource OWN = new ServerSource() {
    @Override
    public LocalRuntime open(LocalRuntime.Builder configured) {
      return configured.build();
    }

    @Override
    public boolean owned() {
      return true;
    }
  };

  /** The runtime to use; {@code configured} has the state directory, ports, timeouts and progress. */
  LocalRuntime open(LocalRuntime.Builder configured);

  /** True when the platform starts the runtime and stops it when it closes. */
  boolean owned();
}
