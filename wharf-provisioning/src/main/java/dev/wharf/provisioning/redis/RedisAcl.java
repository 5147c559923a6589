package dev.wharf.provisioning.redis;

import dev.wharf.core.Secret;
import dev.wharf.provisioning.ServiceException;
import dev.wharf.provisioning.Writes;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/** The ACL commands the provisioner sends on a connection it holds; each write is counted. */
final class RedisAcl {
  static final String SERVICE = "Redis";

  private final Writes writes;

  RedisAcl(Writes writes) {
    this.writes = writes;
  }

  /** ACL GETUSER; null when there is no such user. */
  RedisUser getUser(Jedis j, String user) {
    Object reply = acl(j, "GETUSER", user);
    return reply instanceof List<?> list ? RedisUser.parse(list) : null;
  }

  /**
   * Sends ACL SETUSER. When the rules carry a password, a refusal is reported without the
   * server's text (Redis quotes the offending rule) and without the cause.
   */
  void setUser(Jedis j, String user, List<String> rules, Secret password) {
    writes.record("redis acl setuser");
    var args = new ArrayList<String>();
    args.add("SETUSER");
    args.add(user);
    args.addAll(rules);
    try {
      acl(j, args.toArray(String[]::new));
    } catch (JedisException e) {
      if (password == null) {
        throw new ServiceException(SERVICE, unavailable(e), 0, "Redis refused ACL SETUSER " + user + ": "
            + e.getMessage(), e);
      }
      throw new ServiceException(SERVICE, unavailable(e), 0, "Redis refused ACL SETUSER " + user
          + " (the rules carried a password, so the server's message is withheld)", null);
    }
  }

  void deleteUser(Jedis j, String user) {
    writes.record("redis acl deluser");
    acl(j, "DELUSER", user);
  }

  /** ACL LIST: every user's rules, one line each. */
  List<String> list(Jedis j) {
    return texts(acl(j, "LIST"));
  }

  /** ACL USERS: every user's name. */
  List<String> users(Jedis j) {
    return texts(acl(j, "USERS"));
  }

  /**
   * True when the command failed because Redis could not be reached or the connection broke,
   * or no connection came free in time; false when Redis answered with an error.
   */
  static boolean unavailable(JedisException e) {
    return e instanceof JedisConnectionException || e.getCause() instanceof NoSuchElementException;
  }

  private static List<String> texts(Object reply) {
    var lines = new ArrayList<String>();
    for (Object o : (List<?>) reply) {
      lines.add(RedisUser.text(o));
    }
    return lines;
  }

  private static Object acl(Jedis j, String... args) {
    return j.sendCommand(Protocol.Command.ACL, args);
  }
}
