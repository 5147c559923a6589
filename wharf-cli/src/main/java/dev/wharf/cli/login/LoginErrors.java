package dev.wharf.cli.login;

import dev.wharf.cli.UserError;
import dev.wharf.login.LoginException;

/**
 * Exit codes of login, token and logout: 2 for a problem with input, configuration or the
 * issuer (the message says what to fix), 3 when the user has to sign in (again).
 */
final class LoginErrors {

  static final int EXIT_PROBLEM = 2;
  static final int EXIT_LOGIN_REQUIRED = 3;

  private LoginErrors() {}

  static UserError toUserError(LoginException e) {
    int code = e.reason() == LoginException.Reason.LOGIN_REQUIRED
        ? EXIT_LOGIN_REQUIRED : EXIT_PROBLEM;
    return new UserError(e.getMessage(), code);
  }
}
