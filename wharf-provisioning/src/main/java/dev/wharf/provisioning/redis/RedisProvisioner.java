package dev.wharf.provisioning.redis;

import dev.wharf.core.AppRef;
import dev.wharf.core.KeyPrefix;
import dev.wharf.core.Names;
import dev.wharf.core.RedisServer;
import dev.wharf.core.Secret;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.KeyedLocks;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.ServiceException;
import dev.wharf.provisioning.Writes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;

/**
 * Gives each app a Redis ACL user that can touch only keys and channels under its prefix.
 * Each call reads first (ACL GETUSER) and writes only what differs. Thread-safe; calls for
 * the same app are serialised.
 */
public final class RedisProvisioner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisProvisioner.class);

  private static final String SERVICE = RedisAcl.SERVICE;
  private static final int TIMEOUT_MS = 10_000;

  private final RedisServer server;
  private final Writes writes;
  private final RedisAcl acl;
  private final JedisPool pool;
  private final KeyedLocks<AppRef> locks = new KeyedLocks<>();
  /** Serialises the prefix-conflict check with the write it guards. */
  private final ReentrantLock keysLock = new ReentrantLock();
  private volatile RedisVersion version;
  private volatile RedisUser reference;

  public RedisProvisioner(RedisServer server, Writes writes) {
    this.server = server;
    this.writes = writes;
    this.acl = new RedisAcl(writes);
    var poolConfig = new GenericObjectPoolConfig<Jedis>();
    poolConfig.setMaxTotal(16);
    poolConfig.setMaxIdle(8);
    poolConfig.setJmxEnabled(false);
    this.pool = new JedisPool(poolConfig, new HostAndPort(server.host(), server.port()),
        clientConfig(server.adminUser(), server.adminPassword()));
  }

  /**
   * Ensures the app's ACL user with access to {@code prefix} only. CREATED with the new
   * password when the user was created; UPDATED when its rules were corrected (with a new
   * password only if it had none); UNCHANGED (no writes) otherwise. Refuses a prefix that
   * overlaps another user's keys.
   */
  public Outcome ensure(AppRef app, KeyPrefix prefix) {
    return ensure(app, prefix, Optional.empty());
  }

  /**
   * As {@link #ensure(AppRef, KeyPrefix)}; when the user is missing and {@code known} holds the
   * password the app already has (kept by the caller), the user is recreated with it: CREATED,
   * with no new secret. A Redis that restarted or failed over loses the users it had not saved,
   * and this way the app's connections recover without new credentials.
   */
  public Outcome ensure(AppRef app, KeyPrefix prefix, Optional<Secret> known) {
    return ensureChecking(app, prefix, known).outcome();
  }

  /**
   * What {@link #ensureChecking} did, and whether the user it left accepts the {@code known}
   * password: the check of {@link #verify}, made on the ACL user ensure read anyway.
   */
  public record EnsuredUser(Outcome outcome, boolean knownAccepted) {}

  /** As {@link #ensure(AppRef, KeyPrefix, Optional)}, telling also whether {@code known} logs in afterwards. */
  public EnsuredUser ensureChecking(AppRef app, KeyPrefix prefix, Optional<Secret> known) {
    String user = Names.redisUser(app);
    return withLock(app, "ensure the ACL user of " + app, j -> {
      RedisUser ref = reference(j);
      RedisUser current = acl.getUser(j, user);
      if (current != null && RedisUserCheck.matches(current, ref, prefix)) {
        return new EnsuredUser(Outcome.of(Change.UNCHANGED),
            known.filter(k -> RedisUserCheck.acceptsPassword(current, k)).isPresent());
      }
      boolean keepPassword = current != null && RedisUserCheck.hasPassword(current);
      Secret restored = current == null ? known.orElse(null) : null;
      Secret password = keepPassword || restored != null ? null : Secret.generate();
      var rules = RedisAclRules.appUser(prefix, version, password != null ? password : restored,
          keepPassword ? current.passwordHashes() : List.of());
      keysLock.lock();
      try {
        if (current == null || !current.keys().equals(RedisAclRules.keyPattern(prefix))) {
          refuseConflicts(j, app, user, prefix);
        }
        acl.setUser(j, user, rules, password != null ? password : restored);
      } finally {
        keysLock.unlock();
      }
      Change change = current == null ? Change.CREATED : Change.UPDATED;
      // The user is on now, with the restored password or with the hashes it had.
      boolean accepted = restored != null
          || (keepPassword && known.filter(k -> current.passwordHashes().contains(RedisUserCheck.sha256Hex(k.reveal()))).isPresent());
      return new EnsuredUser(password == null ? Outcome.of(change) : Outcome.of(change, password), accepted);
    });
  }

  /** Replaces the user's passwords with a new random one; ABSENT when there is no user. */
  public Outcome rotate(AppRef app) {
    String user = Names.redisUser(app);
    return withLock(app, "rotate the password of " + app, j -> {
      if (acl.getUser(j, user) == null) {
        return Outcome.of(Change.ABSENT);
      }
      var password = Secret.generate();
      acl.setUser(j, user, List.of("resetpass", ">" + password.reveal()), password);
      return Outcome.of(Change.UPDATED, password);
    });
  }

  /**
   * Deletes the app's user, which also disconnects its clients. With {@code dropKeysUnder}
   * (the prefix recorded when the user was made) it also deletes every key under that prefix;
   * keys that another ACL user's key patterns also cover are never deleted, as they may be
   * that user's: they are kept and a warning says why. ABSENT when there was nothing to delete.
   */
  public Outcome delete(AppRef app, Optional<KeyPrefix> dropKeysUnder) {
    String user = Names.redisUser(app);
    return withLock(app, "delete the ACL user of " + app, j -> {
      boolean deleted = false;
      if (dropKeysUnder.isPresent()) {
        KeyPrefix prefix = dropKeysUnder.get();
        var other = PrefixConflicts.find(acl.list(j), user, prefix);
        if (other.isPresent()) {
          LOG.warn("{}: keeping the keys under \"{}\": Redis user {} may use them too (its pattern {})",
              app, prefix, other.get().user(), other.get().pattern());
        } else {
          deleted = unlinkKeys(j, prefix) > 0;
        }
      }
      if (acl.getUser(j, user) != null) {
        acl.deleteUser(j, user);
        deleted = true;
      }
      return Outcome.of(deleted ? Change.DELETED : Change.ABSENT);
    });
  }

  /**
   * True when {@code password} logs the app's user in. Writes nothing and opens no session as
   * the app: one ACL GETUSER on an administrator's connection, and the check Redis makes at
   * AUTH (the user is on, and the SHA-256 of the password is among its password hashes).
   */
  public boolean verify(AppRef app, Secret password) {
    String user = Names.redisUser(app);
    try (var j = pool.getResource()) {
      RedisUser current = acl.getUser(j, user);
      return current != null && RedisUserCheck.acceptsPassword(current, password);
    } catch (JedisException e) {
      throw new ServiceException(SERVICE, RedisAcl.unavailable(e), 0, "Redis at " + server.host() + ":" + server.port()
          + " could not check the password of " + app + ": " + e.getClass().getSimpleName(), null);
    }
  }

  /** REDIS_URL for apps. */
  public String url() {
    return server.url();
  }

  @Override
  public void close() {
    pool.close();
  }

  private long unlinkKeys(Jedis j, KeyPrefix prefix) {
    var params = new ScanParams().match(prefix.value() + "*").count(500);
    String cursor = ScanParams.SCAN_POINTER_START;
    long removed = 0;
    do {
      var page = j.scan(cursor, params);
      if (!page.getResult().isEmpty()) {
        writes.record("redis unlink");
        removed += j.unlink(page.getResult().toArray(String[]::new));
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return removed;
  }

  private void refuseConflicts(Jedis j, AppRef app, String user, KeyPrefix prefix) {
    PrefixConflicts.find(acl.list(j), user, prefix).ifPresent(c -> {
      throw ServiceException.rejected(SERVICE, "Redis key prefix \"" + prefix + "\" of " + app
          + " overlaps the keys " + c.pattern() + " of Redis user " + c.user()
          + ": choose a prefix no other app's prefix starts with, and that starts with no"
          + " other app's prefix (for example \"" + app.namespace() + ":" + app.name() + ":\")");
    });
  }

  /** The canonical form of the app command rules on this server; created once per rule set. */
  private RedisUser reference(Jedis j) {
    RedisUser ref = reference;
    if (ref != null) {
      return ref;
    }
    synchronized (this) {
      if (reference != null) {
        return reference;
      }
      version = RedisVersion.fromInfo(j.info("server"));
      String name = Names.redisRulesReference(RedisAclRules.fingerprint(version));
      ref = acl.getUser(j, name);
      if (ref == null) {
        acl.setUser(j, name, RedisAclRules.referenceUser(version), null);
        removeStaleReferences(j, name);
        ref = acl.getUser(j, name);
      }
      reference = ref;
      return ref;
    }
  }

  private void removeStaleReferences(Jedis j, String current) {
    for (String name : acl.users(j)) {
      if (Names.isRedisRulesReference(name) && !name.equals(current)) {
        acl.deleteUser(j, name);
      }
    }
  }

  private static DefaultJedisClientConfig clientConfig(String user, Secret password) {
    return DefaultJedisClientConfig.builder()
        .user(user)
        .password(password.reveal())
        .connectionTimeoutMillis(TIMEOUT_MS)
        .socketTimeoutMillis(TIMEOUT_MS)
        .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
        .build();
  }

  private interface Work<T> {
    T run(Jedis j);
  }

  private <T> T withLock(AppRef app, String what, Work<T> work) {
    try (var held = locks.hold(app); var j = pool.getResource()) {
      return work.run(j);
    } catch (ServiceException e) {
      throw e;
    } catch (JedisException e) {
      throw new ServiceException(SERVICE, RedisAcl.unavailable(e), 0, "Redis at " + server.host() + ":" + server.port()
          + " could not " + what + ": " + e.getMessage(), e);
    }
  }
}
