package dev.wharf.cli.up;

import dev.wharf.cli.WharfCli;
import dev.wharf.local.LocalRuntime;
import dev.wharf.local.Service;
import dev.wharf.local.SharedRuntime;
import picocli.CommandLine;

/**
 * This test JVM's shared servers (wharf-local's {@link SharedRuntime}) as the servers of the
 * local platform, which uses them and leaves them running: tests of 'wharf up' and 'wharf demo'
 * need not start MariaDB, Redis and Keycloak each.
 */
final class SharedServers implements ServerSource {
  static final SharedServers INSTANCE = new SharedServers();

  private SharedServers() {}

  @Override
  public LocalRuntime open(LocalRuntime.Builder configured) {
    return SharedRuntime.get(Service.MYSQL, Service.REDIS, Service.KEYCLOAK);
  }

  @Override
  public boolean owned() {
    return false;
  }

  /** The wharf command line, its 'up' and 'demo' on these servers. */
  static CommandLine commandLine() {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    return WharfCli.newCommandLine(new CommandLine.IFactory() {
      @Override
      @SuppressWarnings("unchecked")
      public <K> K create(Class<K> type) throws Exception {
        if (type == DemoCommand.class) {
          return (K) new DemoCommand(INSTANCE);
        }
        if (type == UpCommand.class) {
          return (K) new UpCommand(INSTANCE);
        }
        return defaults.create(type);
      }
    });
  }
}
