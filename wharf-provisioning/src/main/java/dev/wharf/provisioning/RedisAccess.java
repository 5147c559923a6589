package dev.wharf.provisioning;

import dev.wharf.core.KeyPrefix;
import dev.wharf.core.PlatformKeys;
import dev.wharf.core.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/** An app's working Redis credentials: its ACL user, password and key prefix. */
public record RedisAccess(String url, String username, Secret password, KeyPrefix prefix) {

  /** REDIS_URL, REDIS_USERNAME, REDIS_PASSWORD, REDIS_KEY_PREFIX, values revealed: only for a store or an env file. */
  public Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(PlatformKeys.REDIS_URL, url);
    env.put(PlatformKeys.REDIS_USERNAME, username);
    env.put(PlatformKeys.REDIS_PASSWORD, password.reveal());
    env.put(PlatformKeys.REDIS_KEY_PREFIX, prefix.value());
    return env;
  }
}
