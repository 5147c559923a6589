package dev.wharf.provisioning;

import dev.wharf.core.AppRef;
import dev.wharf.core.Secret;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The one rule for the secret of an account that already existed. Model code: it only decides. */
final class KeepOrReset {
  private KeepOrReset() {}

  /**
   * The secret to hand the app: the new one when {@code ensured} just set one; else the stored
   * one while it works (a read-only check) and is not due for renewal; else a new one from
   * {@code reset} (never stored because of a crash, changed behind our back, lost with the
   * caller's env file, or a rotation asked for).
   *
   * @param account what the secret belongs to, for the error when it vanished meanwhile, e.g. "MySQL user"
   *     of {@code service}
   */
  static Secret secret(Outcome ensured, StoredSecret stored, Predicate<Secret> works, Supplier<Outcome> reset,
      String service, String account, AppRef app) {
    Optional<Secret> fresh = ensured.secret();
    if (fresh.isPresent()) {
      return fresh.get();
    }
    Optional<Secret> kept = stored.keepable();
    if (kept.isPresent() && works.test(kept.get())) {
      return kept.get();
    }
    return reset.get().secret().orElseThrow(() -> ServiceException.rejected(service, "the " + account + " of " + app
        + " vanished while it was provisioned; it is made again on the next try"));
  }
}
