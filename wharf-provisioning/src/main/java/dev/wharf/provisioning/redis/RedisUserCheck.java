package dev.wharf.provisioning.redis;

import dev.wharf.core.KeyPrefix;
import dev.wharf.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

  /**
   * True when Redis lets {@code user} log in with {@code password}: the user is on and either
   * takes any password (nopass) or holds the password's SHA-256 among its hashes, which is
   * how Redis stores and checks ACL passwords.
   */
  public static boolean acceptsPassword(RedisUser user, Secret password) {
    if (!user.flags().contains("on")) {
      return false;
    }
    return user.flags().contains("nopass") || user.passwordHashes().contains(sha256Hex(password.reveal()));
  }

  public static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  public static boolean hasPassword(RedisUser user) {
    return !user.passwordHashes().isEmpty() && !user.flags().contains("nopass");
  }
}
