package dev.wharf.operator.reconcile;

import dev.wharf.api.AppSpec;
import dev.wharf.provisioning.DeletionPolicy;

/**
 * One capability of an App (MySQL, Redis, OIDC, registry): make it exist with working
 * credentials in the run's desired secret, or take it away.
 */
public interface CapabilityStep {
  /** The condition type that reports this step, e.g. MySqlReady. */
  String condition();

  /** What the condition says when things are fine, e.g. "database team-a.greeter and its user are ready". */
  String describe(AppRun run);

  boolean enabled(AppSpec spec);

  /**
   * True when this App is recorded as holding this capability: its OpenBao entry or its
   * status.provisioned, both written by the operator after provisioning, name the account Wharf
   * derives for it. Only then do disabling and deleting remove anything; nothing recorded,
   * nothing removed, whatever the spec says.
   */
  boolean recorded(AppRun run);

  /** Creates or repairs; puts the credentials into the run. Writes nothing when all is as desired. */
  void ensure(AppRun run);

  /** Revokes the recorded access; with DROP_DATA also removes the recorded data. Idempotent. */
  void remove(AppRun run, DeletionPolicy policy);
}
