package dev.wharf.login;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A started device authorization (RFC 8628 section 3.2): what the user must open and type, and
 * how the poller waits. {@code verificationUriComplete} is null when the issuer gives none.
 */
public record DeviceAuthorization(
    String deviceCode,
    String userCode,
    URI verificationUri,
    URI verificationUriComplete,
    Instant expiresAt,
    Duration interval) {

  @Override
  public String toString() {
    return "DeviceAuthorization[userCode=" + userCode + ", verificationUri=" + verificationUri
        + ", deviceCode=***, expiresAt=" + expiresAt + "]";
  }
}
