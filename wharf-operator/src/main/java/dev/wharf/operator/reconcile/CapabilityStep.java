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

  /** True when something of this capability may still exist (so disabling it must clean up). */
  boolean mayExist(AppRun run);

  /** Creates or repairs; puts the credentials into the run. Writes nothing when all is as desired. */
  void ensure(AppRun run);

  /** Revokes access; with DROP_DATA also removes the data. Idempotent. */
  void remove(AppRun run, DeletionPolicy policy);
}
