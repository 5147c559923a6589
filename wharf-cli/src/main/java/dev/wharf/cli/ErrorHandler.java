package dev.wharf.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Wharf's one error handler. Usage errors and {@link UserError}s print a one-line message
 * (exit 2 unless the error says otherwise); anything else is a bug and prints its stack trace
 * only when WHARF_DEBUG is set.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("wharf: " + ex.getMessage());
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    return 2;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof UserError user) {
      err.println("wharf: " + user.getMessage());
      return user.exitCode();
    }
    err.println("wharf: unexpected error: " + ex);
    if (System.getenv("WHARF_DEBUG") != null) {
      ex.printStackTrace(err);
    } else {
      err.println("Set WHARF_DEBUG=1 to see the stack trace.");
    }
    return 1;
  }
}
