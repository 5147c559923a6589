package dev.wharf.provisioning;

import dev.wharf.core.Secret;
import java.util.Optional;

/**
 * The secret a caller holds for one credential (the operator in OpenBao, {@code wharf up} in
 * its env file), and whether it is due to be renewed (a rotation was asked for).
 */
public record StoredSecret(Optional<Secret> value, boolean renew) {

  public static StoredSecret none() {
    return new StoredSecret(Optional.empty(), false);
  }

  /** The stored secret, kept while it works. */
  public static StoredSecret of(Optional<Secret> value) {
    return new StoredSecret(value, false);
  }

  /** The stored secret, to be replaced by a new one when {@code renew}. */
  public static StoredSecret of(Optional<Secret> value, boolean renew) {
    return new StoredSecret(value, renew);
  }

  /** The stored secret unless it is to be renewed: the one to keep, or to restore a lost account with. */
  public Optional<Secret> keepable() {
    return renew ? Optional.empty() : value;
  }
}
