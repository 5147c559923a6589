package dev.wharf.operator.reconcile;

import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.Secret;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The rule the capability steps share for a credential whose account already existed. */
final class KeptSecret {
  private KeptSecret() {}

  /**
   * Keeps the stored secret when it still works (a read, no write); otherwise (never stored
   * because of a crash, changed behind our back, or a rotation not yet done for it) resets it,
   * and the secrets step stores the new one. The caller records the pending rotation as done
   * once it stores the credential ({@link AppRun#markRotated}).
   *
   * @param account what the secret belongs to, for the error when it vanished meanwhile, e.g. "MySQL user"
   */
  static Secret keepOrReset(AppRun run, String key, Predicate<Secret> works, Supplier<Outcome> reset, String account) {
    Optional<Secret> stored = run.storedSecret(key);
    if (!run.rotate(key) && stored.isPresent() && works.test(stored.get())) {
      return stored.get();
    }
    return reset.get().secret()
        .orElseThrow(() -> new IllegalStateException(account + " of " + run.ref() + " vanished during reconcile"));
  }
}
