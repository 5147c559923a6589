package dev.wharf.provisioning;

import dev.wharf.core.PlatformKeys;
import dev.wharf.core.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/** An app's working OIDC client: the issuer apps validate tokens against, its client id and secret. */
public record OidcAccess(String issuer, String clientId, Secret clientSecret) {

  /** OIDC_ISSUER_URI, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, values revealed: only for a store or an env file. */
  public Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(PlatformKeys.OIDC_ISSUER_URI, issuer);
    env.put(PlatformKeys.OIDC_CLIENT_ID, clientId);
    env.put(PlatformKeys.OIDC_CLIENT_SECRET, clientSecret.reveal());
    return env;
  }
}
