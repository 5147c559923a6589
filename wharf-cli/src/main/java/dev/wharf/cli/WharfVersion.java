package dev.wharf.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven wrote into the jar manifest. */
public final class WharfVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = WharfCli.class.getPackage().getImplementationVersion();
    return new String[] {"wharf " + (v == null ? "dev" : v)};
  }
}
