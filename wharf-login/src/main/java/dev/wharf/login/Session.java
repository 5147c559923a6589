package dev.wharf.login;

import java.time.Instant;
import java.util.Objects;

/**
 * One signed-in session as kept in the token cache: who the issuer and client are, the verified
 * ID token and the refresh token. Times are in epoch seconds; 0 means unknown. Its toString
 * hides both tokens.
 */
public record Session(
    String issuer,
    String clientId,
    String username,
    String idToken,
    long idTokenIssuedAt,
    long idTokenExpiresAt,
    String refreshToken,
    long refreshExpiresAt) {

  /** The longest safety margin before expiry; shorter for short-lived tokens. */
  static final long MAX_MARGIN_SECONDS = 30;

  public Session {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(idToken, "idToken");
  }

  /**
   * True while the ID token stays valid for longer than the safety margin: 30 s, or a quarter of
   * the token's lifetime when that is shorter, so a kubectl call never starts with a token that
   * expires on its way to the API server.
   */
  public boolean idTokenFreshAt(Instant now) {
    long lifetime = idTokenExpiresAt - idTokenIssuedAt;
    long margin = lifetime > 0 ? Math.min(MAX_MARGIN_SECONDS, lifetime / 4) : MAX_MARGIN_SECONDS;
    return now.getEpochSecond() + margin < idTokenExpiresAt;
  }

  /** False once the issuer said the refresh token expired (unknown expiry counts as usable). */
  public boolean refreshUsableAt(Instant now) {
    return refreshToken != null
        && !refreshToken.isEmpty()
        && (refreshExpiresAt == 0 || now.getEpochSecond() < refreshExpiresAt);
  }

  @Override
  public String toString() {
    return "Session[issuer=" + issuer + ", clientId=" + clientId + ", username=" + username
        + ", idToken=***, idTokenExpiresAt=" + idTokenExpiresAt + ", refreshToken="
        + (refreshToken == null ? "none" : "***") + "]";
  }
}
