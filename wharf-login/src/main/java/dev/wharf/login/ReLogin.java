package dev.wharf.login;

/** The "run wharf login" errors, worded the same everywhere. */
public final class ReLogin {

  private ReLogin() {}

  public static String command(String issuer, String clientId) {
    return "wharf login --issuer " + issuer
        + (LoginNames.DEFAULT_CLIENT_ID.equals(clientId) ? "" : " --client-id " + clientId);
  }

  public static LoginException notSignedIn(String issuer, String clientId) {
    return new LoginException(LoginException.Reason.LOGIN_REQUIRED,
        "not signed in to " + issuer + ": run `" + command(issuer, clientId) + "`");
  }

  public static LoginException expired(String issuer, String clientId, String why) {
    return new LoginException(LoginException.Reason.LOGIN_REQUIRED,
        "session expired" + (why == null ? "" : " (" + why + ")") + ": run `"
            + command(issuer, clientId) + "`");
  }
}
