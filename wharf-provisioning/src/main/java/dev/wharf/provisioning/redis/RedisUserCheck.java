package dev.wharf.provisioning.redis;

import dev.wharf.core.KeyPrefix;

/** Compares an app's ACL user with what it should be. Model code: no I/O. */
public final class RedisUserCheck {

  private RedisUserCheck() {}

  /**
   * True when {@code actual} is enabled, has a password, and has exactly the reference user's
   * command rules and flags and the app's key and channel patterns.
   */
  public static boolean matches(RedisUser actual, RedisUser reference, KeyPrefix prefix) {
    return actual.flags().contains("on")
        && hasPassword(actual)
        && actual.flagsBesidesOnOff().equals(reference.flagsBesidesOnOff())
        && actual.commands().equals(reference.commands())
        && actual.keys().equals(RedisAclRules.keyPattern(prefix))
        && actual.channels().equals(RedisAclRules.channelPattern(prefix))
        && actual.selectors() == 0;
  }

  public static boolean hasPassword(RedisUser user) {
    return !user.passwordHashes().isEmpty() && !user.flags().contains("nopass");
  }
}
