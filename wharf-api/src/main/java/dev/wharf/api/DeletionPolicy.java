package dev.wharf.api;

/** What deleting an App does to its data. Credentials and access are revoked under both. */
public enum DeletionPolicy {
  /** Keep the database and the Redis keys. */
  Retain,
  /** Drop the database and the Redis keys too. */
  Delete
}
