package dev.wharf.operator.reconcile;

import dev.wharf.core.InvalidNameException;
import dev.wharf.provisioning.ServiceException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * What a failed step reports in its condition: the reason, the message, and whether retrying
 * soon may help. Whether a platform service was unavailable is decided where the call was made
 * ({@link ServiceException#unavailable()}); here it only becomes a reason. Messages come from
 * the clients, which never put secret values in them.
 */
public record StepFailure(Reason reason, String message, boolean retryable) {

  /** A problem found by the operator itself, with a message that says what to do. */
  public static class Refusal extends RuntimeException {
    private final Reason reason;

    public Refusal(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    public Reason reason() { return reason; }
  }

  public static StepFailure of(Exception e) {
    return switch (e) {
      case Refusal r -> new StepFailure(r.reason(), r.getMessage(), false);
      case ServiceException s -> new StepFailure(s.unavailable() ? Reason.SERVER_UNAVAILABLE : Reason.REJECTED,
          s.getMessage(), true);
      case InvalidNameException n -> new StepFailure(Reason.INVALID_SPEC, n.getMessage(), false);
      case KubernetesClientException k -> new StepFailure(Reason.KUBERNETES_API_ERROR,
          "Kubernetes API answered " + k.getCode() + ": " + k.getStatus(), true);
      default -> new StepFailure(Reason.INTERNAL_ERROR,
          "unexpected " + e.getClass().getSimpleName() + " (see the operator log)", true);
    };
  }

  /** A bug rather than a server's answer: the log then needs to say where it happened. */
  public boolean unexpected() {
    return reason == Reason.INTERNAL_ERROR;
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
}
