package dev.wharf.api;

import io.fabric8.generator.annotation.Default;

public class DashboardsSpec {
  @Default("false")
  private boolean enabled;

  public DashboardsSpec() {}

  public DashboardsSpec(boolean enabled) { this.enabled = enabled; }

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
