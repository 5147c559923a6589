package dev.wharf.operator.reconcile;

/** The reasons an App's conditions give, as kubectl shows them in the Reason column. */
public enum Reason {
  /** All enabled capabilities are ready (condition Ready). */
  READY("Ready"),
  /** A new generation of the App is being provisioned (condition Reconciling). */
  PROVISIONING("Provisioning"),
  /** The capability exists with working credentials. */
  PROVISIONED("Provisioned"),
  /** The capability is not enabled in the spec (and, if it was, its access was revoked). */
  DISABLED("Disabled"),
  /** The credentials are in OpenBao (condition SecretsReady). */
  STORED("Stored"),
  /** A platform service could not be reached, or cannot serve now: retried with backoff. */
  SERVER_UNAVAILABLE("ServerUnavailable"),
  /** A platform service refused the call. */
  REJECTED("Rejected"),
  /** The App as written cannot be provisioned; its message says what to change. */
  INVALID_SPEC("InvalidSpec"),
  /** Another App's Redis key prefix overlaps this one's. */
  KEY_PREFIX_CONFLICT("KeyPrefixConflict"),
  /** Something of the App's name exists on a platform service and is not the App's. */
  CONFLICT("Conflict"),
  /** An object the App needs in its namespace exists and is not the App's. */
  NAME_TAKEN("NameTaken"),
  /** The Kubernetes API refused or failed a request. */
  KUBERNETES_API_ERROR("KubernetesApiError"),
  /** A bug: the operator log says where it happened. */
  INTERNAL_ERROR("InternalError");

  private final String value;

  Reason(String value) {
    this.value = value;
  }

  /** The reason as the condition carries it. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
