package dev.wharf.operator.reconcile;

import dev.wharf.api.AppSpec;
import dev.wharf.core.DeletionPolicy;
import java.util.List;

/**
 * One capability of an App (MySQL, Redis, OIDC, registry): make it exist with working
 * credentials, or take it away. A step reads the {@link AppRun} and returns what it did; it
 * changes no shared state.
 */
public interface CapabilityStep {
  /** The condition type that reports this step, e.g. MySqlReady. */
  String condition();

  boolean enabled(AppSpec spec);

  /**
   * True when this App is recorded as holding this capability: its OpenBao entry or its
   * status.provisioned, both written by the operator after provisioning, name the account Wharf
   * derives for it. Only then do disabling and deleting remove anything; nothing recorded,
   * nothing removed, whatever the spec says.
   */
  boolean recorded(AppRun run);

  /** Creates or repairs; returns the working credentials. Writes nothing when all is as desired. */
  Grant ensure(AppRun run);

  /**
   * Runs once the App's OpenBao entry holds {@code grant}: what must not happen before its
   * secret is safely stored (a Harbor robot's secret set in place). Nothing by default.
   */
  default void afterStore(AppRun run, Grant grant) {}

  /** Revokes the recorded access; under DELETE also removes the recorded data. Idempotent. */
  void remove(AppRun run, DeletionPolicy policy);

  /** The keys this capability holds in the App's OpenBao entry: they go when its access is revoked. */
  List<String> keys();
}
