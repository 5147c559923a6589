package dev.wharf.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What deleting an App does with its data (the App's {@code deletionPolicy}). Credentials and
 * access are revoked under both.
 */
public enum DeletionPolicy {
  /** Keep the database and the Redis keys; remove only access (user, grants, connections). */
  @JsonProperty("Retain") RETAIN,
  /** Drop the database and the Redis keys too. */
  @JsonProperty("Delete") DELETE
}
