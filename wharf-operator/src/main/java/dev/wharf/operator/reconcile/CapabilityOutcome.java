package dev.wharf.operator.reconcile;

/** What one capability step did in one reconcile, for the reconciler to report and merge. Immutable. */
sealed interface CapabilityOutcome {
  CapabilityStep step();

  /** Enabled and provisioned: its grant replaces what the entry held for it. */
  record Provided(CapabilityStep step, Grant grant) implements CapabilityOutcome {}

  /** Not enabled; {@code revoked} when it was recorded and its access was taken away, so its keys go too. */
  record Disabled(CapabilityStep step, boolean revoked) implements CapabilityOutcome {}

  /** Failed: what the entry holds for it stays, so an app whose server is down keeps its credentials. */
  record Failed(CapabilityStep step, StepFailure failure) implements CapabilityOutcome {}
}
