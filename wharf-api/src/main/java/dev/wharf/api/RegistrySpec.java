package dev.wharf.api;

import io.fabric8.generator.annotation.Default;

public class RegistrySpec {
  @Default("false")
  private boolean enabled;

  public RegistrySpec() {}

  public RegistrySpec(boolean enabled) { this.enabled = enabled; }

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
