package dev.wharf.core;

/** A team: a validated DNS label that is also the team's namespace and Keycloak group. */
public record TeamName(String value) {

  public TeamName {
    DnsLabel.require("team name", value);
  }

  public static TeamName of(String value) {
    return new TeamName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
