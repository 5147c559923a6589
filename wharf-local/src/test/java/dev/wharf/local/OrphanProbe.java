package dev.wharf.local;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link LocalRuntimeIT}: starts Redis in the given state directory,
 * says "ready" and waits to be killed.
 */
public final class OrphanProbe {

  private OrphanProbe() {}

  public static void main(String[] args) throws Exception {
    LocalRuntime runtime = LocalRuntime.builder().stateDir(Path.of(args[0])).services(Service.REDIS).build().start();
    System.out.println("ready " + runtime.redis().port());
    System.out.flush();
    Thread.sleep(600_000);
  }
}
