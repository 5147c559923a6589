package dev.wharf.cli.app;

import java.util.List;

/**
 * One cluster of the tree's Platform document (gitops/platform.yaml) as an environment of the
 * apps: its name (also the name of each app's overlay for it and of each team's apps entry),
 * the registries its apps pull from (the first is where new apps' images go) and the domain
 * its Gateway serves apps under.
 */
record Environment(String name, List<String> registries, String appsDomain) {
  /** Production runs the base as written, with more replicas and the public-ingress hardening. */
  static final String PRODUCTION = "production";

  boolean production() {
    return PRODUCTION.equals(name);
  }

  String registry() {
    return registries.get(0);
  }
}
