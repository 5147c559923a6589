package dev.wharf.operator.reconcile;

import static dev.wharf.core.PlatformKeys.REDIS_KEY_PREFIX;
import static dev.wharf.core.PlatformKeys.REDIS_PASSWORD;
import static dev.wharf.core.PlatformKeys.REDIS_USERNAME;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.core.AppRef;
import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.InvalidNameException;
import dev.wharf.core.KeyPrefix;
import dev.wharf.core.Names;
import dev.wharf.core.PlatformKeys;
import dev.wharf.provisioning.AppProvisioning;
import java.util.List;
import java.util.Optional;

/** The app's ACL user on the shared Redis, confined to its key prefix. */
public final class RedisStep implements CapabilityStep {
  private final AppProvisioning provisioning;

  public RedisStep(AppProvisioning provisioning) {
    this.provisioning = provisioning;
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

  @Override public List<String> keys() { return PlatformKeys.REDIS; }

  @Override
  public Grant ensure(AppRun run) {
    return new Grant.Redis(provisioning.ensureRedis(run.ref(), prefix(run.app().getSpec(), run.ref()),
        run.storedSecret(REDIS_PASSWORD)));
  }

  /**
   * Deletes the ACL user; with DELETE also the keys under the prefix recorded when the user
   * was made, never one taken from the spec (which may have changed, or been refused for
   * overlapping another app's keys). No recorded prefix: the keys stay.
   */
  @Override
  public void remove(AppRun run, DeletionPolicy policy) {
    Optional<KeyPrefix> recorded = run.recorded(REDIS_KEY_PREFIX, ProvisionedNames::getRedisKeyPrefix)
        .flatMap(RedisStep::parse);
    provisioning.removeRedis(run.ref(), policy == DeletionPolicy.DELETE ? recorded : Optional.empty());
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
