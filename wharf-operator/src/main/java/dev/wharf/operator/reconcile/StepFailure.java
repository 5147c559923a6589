package dev.wharf.operator.reconcile;

import dev.wharf.operator.http.ExternalServiceException;
import dev.wharf.provisioning.InvalidNameException;
import dev.wharf.provisioning.ProvisioningException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLException;

/**
 * Turns what a step threw into a condition reason and message. Messages come from the
 * clients, which never put secret values in them.
 */
public record StepFailure(String reason, String message, boolean retryable) {
  public static final String SERVER_UNAVAILABLE = "ServerUnavailable";
  public static final String REJECTED = "Rejected";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String CONFLICT = "Conflict";
  /** An object the App needs in its namespace exists and is not the App's. */
  public static final String NAME_TAKEN = "NameTaken";

  /** A problem found by the operator itself, with a message that says what to do. */
  public static class Refusal extends RuntimeException {
    private final String reason;

    public Refusal(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    public String reason() { return reason; }
  }

  public static StepFailure of(Exception e) {
    if (e instanceof Refusal r) {
      return new StepFailure(r.reason(), r.getMessage(), false);
    }
    if (e instanceof ExternalServiceException x) {
      return new StepFailure(x.unavailable() ? SERVER_UNAVAILABLE : REJECTED, x.getMessage(), true);
    }
    if (e instanceof InvalidNameException) {
      return new StepFailure(INVALID_SPEC, e.getMessage(), false);
    }
    if (e instanceof ProvisioningException) {
      return new StepFailure(unreachable(e) ? SERVER_UNAVAILABLE : REJECTED, e.getMessage(), true);
    }
    if (e instanceof KubernetesClientException k) {
      return new StepFailure("KubernetesApiError", "Kubernetes API answered " + k.getCode() + ": " + k.getStatus(), true);
    }
    return new StepFailure("InternalError", "unexpected " + e.getClass().getSimpleName() + " (see the operator log)", true);
  }

  /** A bug rather than a server's answer: the log then needs to say where it happened. */
  public boolean unexpected() {
    return reason.equals("InternalError");
  }

  /**
   * What the log shows of an unexpected exception: its class and the first frames of each
   * cause, but not the messages, which may carry values the operator was handling.
   */
  static String trace(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(t == e ? "" : "\n  caused by ").append(t.getClass().getName());
      java.util.Arrays.stream(t.getStackTrace()).limit(6).forEach(f -> out.append("\n    at ").append(f));
    }
    return out.toString();
  }

  /** True when the cause chain says the server could not be reached at all. */
  static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLTransientConnectionException || t instanceof IOException
          || t.getClass().getSimpleName().equals("JedisConnectionException")
          || (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08"))) {
        return true;
      }
    }
    String m = String.valueOf(e.getMessage());
    return m.contains("Connection refused") || m.contains("Communications link failure")
        || m.contains("Failed to connect") || m.contains("Could not get a resource from the pool")
        || m.contains("SQL state 08") || m.contains("JedisConnectionException");
  }
}
