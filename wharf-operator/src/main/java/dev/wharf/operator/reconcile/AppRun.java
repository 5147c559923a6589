package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.operator.model.PlatformKeys;
import dev.wharf.operator.openbao.KvSecret;
import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The working state of one reconciliation of one App: what OpenBao held at the start, the
 * credentials the steps want stored, and whether a rotation was asked for. Values are kept as
 * plain strings only on their way to OpenBao; toString shows none of them. The capability
 * steps run in parallel, so the credential map is guarded.
 */
public final class AppRun {
  private final App app;
  private final AppRef ref;
  /** The rotate annotation's value when status.rotation does not show it handled. */
  private final Optional<String> pendingRotation;
  private Optional<KvSecret> stored = Optional.empty();
  private final Map<String, String> desired = new LinkedHashMap<>();
  private final ProvisionedNames names = new ProvisionedNames();
  /** status.provisioned as the reconcile found it: part of the record of what the App holds. */
  private final ProvisionedNames recordedNames;
  private final boolean provisionedBefore;
  private long kvVersion;

  public AppRun(App app, AppRef ref) {
    this.app = app;
    this.ref = ref;
    var status = app.getStatus();
    var annotations = app.getMetadata().getAnnotations();
    this.pendingRotation = Optional.ofNullable(annotations == null ? null : annotations.get(App.ROTATE_ANNOTATION))
        .filter(v -> !v.isBlank()).filter(v -> status == null || !v.equals(status.getRotation()));
    this.recordedNames = status == null || status.getProvisioned() == null ? new ProvisionedNames()
        : Serialization.clone(status.getProvisioned());
    this.provisionedBefore = status != null && status.getProvisioned() != null;
  }

  public App app() { return app; }
  public AppRef ref() { return ref; }
  /**
   * True when the App was provisioned once (status.provisioned is set): its namespace objects
   * most likely exist, so they are read before anything is written.
   */
  public boolean provisionedBefore() {
    return provisionedBefore;
  }

  /** The rotate annotation's value, when it is not handled yet for every credential of the App. */
  public Optional<String> pendingRotation() { return pendingRotation; }

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

  /** Records that the credential under {@code secretKey} is current for the pending rotation. */
  public void markRotated(String secretKey) {
    pendingRotation.ifPresent(value -> put(PlatformKeys.rotated(secretKey), value));
  }
  public ProvisionedNames names() { return names; }
  public Optional<KvSecret> stored() { return stored; }
  public long kvVersion() { return kvVersion; }
  public void kvVersion(long version) { this.kvVersion = version; }

  /** Starts from what OpenBao holds, so a capability whose server is down keeps its credentials. */
  public synchronized void loadStored(Optional<KvSecret> secret) {
    this.stored = secret;
    secret.ifPresent(s -> desired.putAll(s.data()));
  }

  public Optional<String> storedValue(String key) {
    return stored.map(s -> s.get(key)).filter(v -> !v.isEmpty());
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

  public Optional<Secret> storedSecret(String key) {
    return storedValue(key).map(Secret::of);
  }

  public synchronized void put(String key, String value) {
    desired.put(key, value);
  }

  public synchronized void putSecret(String key, Secret value) {
    desired.put(key, value.reveal());
  }

  /** Forgets a capability's keys and the rotation records of its credentials. */
  public synchronized void removeAll(Collection<String> keys) {
    keys.forEach(k -> {
      desired.remove(k);
      desired.remove(PlatformKeys.rotated(k));
    });
  }

  public synchronized Map<String, String> desired() {
    return Map.copyOf(desired);
  }

  @Override
  public synchronized String toString() {
    return "AppRun[" + ref + ", rotation=" + pendingRotation.orElse("none") + ", keys=" + desired.keySet() + "]";
  }
}
