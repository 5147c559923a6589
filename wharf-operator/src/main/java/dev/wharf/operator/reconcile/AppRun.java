package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.core.AppRef;
import dev.wharf.core.PlatformKeys;
import dev.wharf.core.Secret;
import dev.wharf.operator.openbao.KvSecret;
import dev.wharf.provisioning.StoredSecret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one reconciliation of one App starts from, read once and never changed: the App, what
 * its OpenBao entry held, what its status records as provisioned, and whether a rotation was
 * asked for. The steps read it side by side; what they do comes back as immutable results
 * ({@link Grant}, {@link CapabilityOutcome}) that the reconciler merges. toString shows no value.
 */
public final class AppRun {
  private final App app;
  private final AppRef ref;
  /** The rotate annotation's value when status.rotation does not show it handled. */
  private final Optional<String> pendingRotation;
  private final Optional<KvSecret> stored;
  /** status.provisioned as the reconcile found it: part of the record of what the App holds. */
  private final ProvisionedNames recordedNames;

  /** @param stored the App's OpenBao entry as read at the start, if there is one */
  public AppRun(App app, AppRef ref, Optional<KvSecret> stored) {
    this.app = app;
    this.ref = ref;
    this.stored = stored;
    var status = app.getStatus();
    var annotations = app.getMetadata().getAnnotations();
    this.pendingRotation = Optional.ofNullable(annotations == null ? null : annotations.get(App.ROTATE_ANNOTATION))
        .filter(v -> !v.isBlank()).filter(v -> status == null || !v.equals(status.getRotation()));
    this.recordedNames = status == null || status.getProvisioned() == null ? new ProvisionedNames()
        : Serialization.clone(status.getProvisioned());
  }

  public App app() { return app; }
  public AppRef ref() { return ref; }

  /** The rotate annotation's value, when it is not handled yet for every credential of the App. */
  public Optional<String> pendingRotation() { return pendingRotation; }

  public Optional<KvSecret> stored() { return stored; }

  /** The entry's keys and values as stored; empty when there is no entry. */
  public Map<String, String> storedEntry() {
    return stored.map(KvSecret::data).orElse(Map.of());
  }

  /**
   * True when the credential stored under {@code secretKey} is to be renewed: a rotation is
   * pending and the stored entry does not record it as done for this credential. The record
   * travels with the credential in OpenBao, so a reconcile that runs again (a failed status
   * write, a stale cache) does not renew it a second time.
   */
  public boolean rotate(String secretKey) {
    return pendingRotation.isPresent()
        && !pendingRotation.get().equals(storedValue(PlatformKeys.rotated(secretKey)).orElse(null));
  }

  public Optional<String> storedValue(String key) {
    return stored.map(s -> s.get(key)).filter(v -> v != null && !v.isEmpty());
  }

  /** The secret stored under {@code key}, due for renewal when a rotation is pending for it. */
  public StoredSecret storedSecret(String key) {
    return StoredSecret.of(storedValue(key).map(Secret::of), rotate(key));
  }

  /**
   * The value recorded for a capability: the OpenBao entry's {@code storedKey}, else what
   * status.provisioned says ({@code statusName}). Both are written by the operator only.
   */
  public Optional<String> recorded(String storedKey, Function<ProvisionedNames, String> statusName) {
    return storedValue(storedKey).or(() -> Optional.ofNullable(statusName.apply(recordedNames)).filter(v -> !v.isEmpty()));
  }

  /** True when the record names exactly {@code derived}, the name Wharf gives this App's account. */
  public boolean recordedAs(String storedKey, Function<ProvisionedNames, String> statusName, String derived) {
    return storedValue(storedKey).filter(derived::equals).isPresent()
        || derived.equals(statusName.apply(recordedNames));
  }

  @Override
  public String toString() {
    return "AppRun[" + ref + ", rotation=" + pendingRotation.orElse("none") + ", stored keys="
        + storedEntry().keySet() + "]";
  }
}
