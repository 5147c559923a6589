package dev.wharf.provisioning;

/** What an operation did on the server. */
public enum Change {
  /** The thing did not exist and was created. */
  CREATED,
  /** The thing existed but differed from the desired state and was corrected. */
  UPDATED,
  /** The thing existed as desired: nothing was written. */
  UNCHANGED,
  /** The thing existed and was removed. */
  DELETED,
  /** The thing did not exist: nothing was written. */
  ABSENT
}
