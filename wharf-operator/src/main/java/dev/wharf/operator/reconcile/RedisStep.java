package dev.wharf.operator.reconcile;

import static dev.wharf.operator.model.PlatformKeys.REDIS;
import static dev.wharf.operator.model.PlatformKeys.REDIS_KEY_PREFIX;
import static dev.wharf.operator.model.PlatformKeys.REDIS_PASSWORD;
import static dev.wharf.operator.model.PlatformKeys.REDIS_URL;
import static dev.wharf.operator.model.PlatformKeys.REDIS_USERNAME;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.DeletionPolicy;
import dev.wharf.provisioning.InvalidNameException;
import dev.wharf.provisioning.KeyPrefix;
import dev.wharf.provisioning.Names;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.Secret;
import dev.wharf.provisioning.redis.RedisProvisioner;
import java.util.Optional;

/** The app's ACL user on the shared Redis, confined to its key prefix. */
public final class RedisStep implements CapabilityStep {
  private final RedisProvisioner redis;

  public RedisStep(RedisProvisioner redis) {
    this.redis = redis;
  }

  /** The spec's prefix, or {@code <app>:}. */
  public static KeyPrefix prefix(AppSpec spec, AppRef ref) {
    String configured = spec.getRedis() == null ? null : spec.getRedis().getKeyPrefix();
    return configured == null ? Names.defaultKeyPrefix(ref) : KeyPrefix.of(configured);
  }

  @Override public String condition() { return AppStatus.REDIS_READY; }

  @Override public boolean enabled(AppSpec spec) { return spec.redisEnabled(); }

  @Override
  public boolean recorded(AppRun run) {
    return run.recordedAs(REDIS_USERNAME, ProvisionedNames::getRedisUser, Names.redisUser(run.ref()));
  }

  @Override
  public String describe(AppRun run) {
    return "ACL user " + Names.redisUser(run.ref()) + " with key prefix " + prefix(run.app().getSpec(), run.ref()) + " is ready";
  }

  @Override
  public void ensure(AppRun run) {
    KeyPrefix prefix = prefix(run.app().getSpec(), run.ref());
    // A user lost by a Redis restart or failover comes back with the password the app has.
    Outcome outcome = redis.ensure(run.ref(), prefix, run.rotate(REDIS_PASSWORD) ? Optional.empty() : run.storedSecret(REDIS_PASSWORD));
    Secret password = outcome.secret().orElseGet(() -> KeptSecret.keepOrReset(run, REDIS_PASSWORD,
        stored -> redis.verify(run.ref(), stored), () -> redis.rotate(run.ref()), "Redis user"));
    run.put(REDIS_URL, redis.url());
    run.put(REDIS_USERNAME, Names.redisUser(run.ref()));
    run.putSecret(REDIS_PASSWORD, password);
    run.markRotated(REDIS_PASSWORD);
    run.put(REDIS_KEY_PREFIX, prefix.value());
    run.names().setRedisUser(Names.redisUser(run.ref()));
    run.names().setRedisKeyPrefix(prefix.value());
  }

  /**
   * Deletes the ACL user; with DROP_DATA also the keys under the prefix recorded when the user
   * was made, never one taken from the spec (which may have changed, or been refused for
   * overlapping another app's keys). No recorded prefix: the keys stay.
   */
  @Override
  public void remove(AppRun run, DeletionPolicy policy) {
    Optional<KeyPrefix> recorded = run.recorded(REDIS_KEY_PREFIX, ProvisionedNames::getRedisKeyPrefix)
        .flatMap(RedisStep::parse);
    redis.delete(run.ref(), policy == DeletionPolicy.DROP_DATA ? recorded : Optional.empty());
    run.removeAll(REDIS);
  }

  /** A recorded prefix; one that today's rule refuses (made before it) deletes no keys. */
  private static Optional<KeyPrefix> parse(String recorded) {
    try {
      return Optional.of(KeyPrefix.of(recorded));
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }
}
