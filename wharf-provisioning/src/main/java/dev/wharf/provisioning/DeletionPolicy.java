package dev.wharf.provisioning;

/** What deleting an app does with its data (the App's deletionPolicy Delete | Retain). */
public enum DeletionPolicy {
  /** Remove access and the data (database, keys). */
  DROP_DATA,
  /** Remove access (user, grants, connections) but keep the data. */
  KEEP_DATA
}
