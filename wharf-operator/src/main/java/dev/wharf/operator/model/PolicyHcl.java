package dev.wharf.operator.model;

import dev.wharf.provisioning.AppRef;

/**
 * The OpenBao policy of one app: read on exactly its own KV v2 data path. No glob, no '+', no
 * list or metadata access, so no app can read or even enumerate another app's secrets.
 */
public final class PolicyHcl {
  private PolicyHcl() {}

  public static String forApp(String kvMount, AppRef app) {
    return "# Wharf: " + app + " may read its own platform credentials and nothing else.\n"
        + "path \"" + AppNames.kvDataAclPath(kvMount, app) + "\" {\n"
        + "  capabilities = [\"read\"]\n"
        + "}\n";
  }
}
