package dev.wharf.provisioning;

import dev.wharf.core.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one provisioning operation: what changed and, when the operation set a new
 * password or client secret, that secret (the caller stores it; it is never readable again
 * from MySQL or Redis).
 */
public final class Outcome {

  private final Change change;
  private final Secret secret;

  private Outcome(Change change, Secret secret) {
    this.change = Objects.requireNonNull(change);
    this.secret = secret;
  }

  public static Outcome of(Change change) {
    return new Outcome(change, null);
  }

  public static Outcome of(Change change, Secret newSecret) {
    return new Outcome(change, Objects.requireNonNull(newSecret));
  }

  public Change change() {
    return change;
  }

  /** The secret set by this operation; empty when none was set. */
  public Optional<Secret> secret() {
    return Optional.ofNullable(secret);
  }

  /** True when the operation wrote to the server. */
  public boolean changed() {
    return change != Change.UNCHANGED && change != Change.ABSENT;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Outcome other && change == other.change
        && Objects.equals(secret, other.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(change, secret);
  }

  @Override
  public String toString() {
    return secret == null ? change.toString() : change + " (new secret set)";
  }
}
