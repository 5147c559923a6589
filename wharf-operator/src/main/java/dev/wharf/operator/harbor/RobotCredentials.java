package dev.wharf.operator.harbor;

/** What Harbor answers once, when a robot is created. toString hides the secret. */
public record RobotCredentials(long id, String name, String secret) {
  @Override
  public String toString() {
    return "RobotCredentials[id=" + id + ", name=" + name + ", secret=<redacted>]";
  }
}
