package dev.wharf.login;

import java.time.Duration;
import java.time.Instant;

/**
 * The device flow's polling rules (RFC 8628 section 3.5) without I/O: how long to wait after
 * each answer, and when to give up.
 */
final class DevicePolling {

  /** RFC 8628: the default interval, and what slow_down adds. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

  private final Instant deadline;
  private final String issuer;
  private Duration interval;

  DevicePolling(DeviceAuthorization authorization, String issuer) {
    this.deadline = authorization.expiresAt();
    this.interval = authorization.interval() == null || authorization.interval().isZero()
        ? DEFAULT_INTERVAL : authorization.interval();
    this.issuer = issuer;
  }

  Duration interval() {
    return interval;
  }

  /** Throws TIMED_OUT once the user code has expired. */
  void checkDeadline(Instant now) {
    if (!now.isBefore(deadline)) {
      throw expired();
    }
  }

  /**
   * Handles one error answer from the token endpoint: returns normally when polling goes on
   * (slowing down if asked to), throws when the flow is over.
   */
  void onError(OAuthError e, String clientId) {
    switch (e.error()) {
      case "authorization_pending" -> { }
      case "slow_down" -> interval = interval.plus(SLOW_DOWN_STEP);
      case "expired_token" -> throw expired();
      default -> throw Oidc.clientError(e, issuer, clientId, "device sign-in");
    }
  }

  private LoginException expired() {
    return new LoginException(LoginException.Reason.TIMED_OUT,
        "the device code expired before it was approved. Run 'wharf login --device' again and"
            + " approve the new code in time.");
  }
}
