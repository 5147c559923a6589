package dev.wharf.login;

import java.net.URI;

/** Shows the user the authorization URL: a real browser, a printed link, or a test driver. */
@FunctionalInterface
public interface Browser {
  void open(URI uri);
}
