package dev.wharf.provisioning.redis;

import dev.wharf.core.KeyPrefix;
import dev.wharf.core.Secret;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the ACL SETUSER rules of an app user. Model code: no I/O.
 *
 * <p>An app may use data commands (strings, hashes, lists, sets, sorted sets, streams, bitmaps,
 * geo, HyperLogLog), key expiry, transactions, pub/sub, Lua scripts (EVAL, EVALSHA, SCRIPT
 * LOAD/EXISTS), connection commands and INFO (health checks read it). It may not run
 * dangerous or administrative commands, nor commands that reach beyond its own keys: KEYS,
 * SCAN and RANDOMKEY list other apps' key names, PUBSUB lists their channels, FLUSHALL and
 * FLUSHDB erase everyone's data, FUNCTION manages server-wide libraries.
 */
public final class RedisAclRules {

  private static final List<String> GRANTED = List.of(
      "-@all", "+@read", "+@write", "+@keyspace", "+@string", "+@hash", "+@list", "+@set",
      "+@sortedset", "+@bitmap", "+@hyperloglog", "+@geo", "+@stream", "+@pubsub",
      "+@transaction", "+@connection");
  private static final List<String> DENIED = List.of(
      "-@dangerous", "-@admin", "-keys", "-scan", "-randomkey", "-flushall", "-flushdb",
      "-swapdb", "-config", "-acl", "-debug", "-shutdown", "-module", "-monitor", "-client",
      "-pubsub", "-memory", "-migrate", "-restore");
  private static final List<String> ALLOWED_BACK = List.of(
      "+info", "+client|setname", "+client|getname", "+client|id", "+client|info", "+eval",
      "+evalsha", "+script|load", "+script|exists");

  private RedisAclRules() {}

  /** The command rules, in order; later rules override earlier ones. */
  public static List<String> commandRules(RedisVersion version) {
    var rules = new ArrayList<>(GRANTED);
    rules.addAll(DENIED);
    if (version.atLeast(7, 0)) {
      rules.add("-function"); // FUNCTION FLUSH/DELETE are @write in 7, not @dangerous
    }
    rules.addAll(ALLOWED_BACK);
    if (version.atLeast(7, 0)) {
      rules.add("+eval_ro");
      rules.add("+evalsha_ro");
    }
    if (version.atLeast(7, 2)) {
      rules.add("+client|setinfo"); // clients announce their library name on connect
    }
    return List.copyOf(rules);
  }

  /** The key pattern of an app: every key that starts with its prefix. */
  public static String keyPattern(KeyPrefix prefix) {
    return "~" + prefix.value() + "*";
  }

  /** The channel pattern of an app. */
  public static String channelPattern(KeyPrefix prefix) {
    return "&" + prefix.value() + "*";
  }

  /**
   * Rules that make a user exactly this app user, starting from nothing. Passwords are the new
   * one ({@code newPassword}, as {@code >value}) or the existing hashes (as {@code #hash}).
   */
  public static List<String> appUser(KeyPrefix prefix, RedisVersion version,
      Secret newPassword, List<String> keepPasswordHashes) {
    var rules = new ArrayList<String>();
    rules.add("reset");
    rules.add("resetchannels"); // on 6.2, reset still leaves allchannels
    rules.add("on");
    if (newPassword != null) {
      rules.add(">" + newPassword.reveal());
    }
    for (String hash : keepPasswordHashes) {
      rules.add("#" + hash);
    }
    rules.add(keyPattern(prefix));
    rules.add(channelPattern(prefix));
    rules.addAll(commandRules(version));
    return rules;
  }

  /**
   * Rules for the reference user: disabled, no password, no keys, the app command rules. The
   * server writes its rules back in its own canonical form, which is what app users are
   * compared against.
   */
  public static List<String> referenceUser(RedisVersion version) {
    var rules = new ArrayList<String>();
    rules.add("reset");
    rules.add("resetchannels");
    rules.add("off");
    rules.addAll(commandRules(version));
    return rules;
  }

  /** The command rules as one string, for naming the reference user. */
  public static String fingerprint(RedisVersion version) {
    return String.join(" ", commandRules(version));
  }
}
