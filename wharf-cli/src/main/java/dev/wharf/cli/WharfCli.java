package dev.wharf.cli;

import dev.wharf.cli.app.AppCommand;
import dev.wharf.cli.login.LoginCommand;
import dev.wharf.cli.login.LogoutCommand;
import dev.wharf.cli.login.TokenCommand;
import dev.wharf.cli.up.DemoCommand;
import dev.wharf.cli.up.DownCommand;
import dev.wharf.cli.up.UpCommand;
import dev.wharf.cli.validate.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wharf} command. Each command family lives in its own package. */
@Command(
    name = "wharf",
    mixinStandardHelpOptions = true,
    versionProvider = WharfVersion.class,
    description = "Wharf: an internal developer platform for bare-metal Kubernetes.",
    subcommands = {
      UpCommand.class,
      DownCommand.class,
      DemoCommand.class,
      ValidateCommand.class,
      AppCommand.class,
      LoginCommand.class,
      TokenCommand.class,
      LogoutCommand.class,
      CommandLine.HelpCommand.class
    })
public final class WharfCli {

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** Builds the command line with Wharf's one error handler; tests call this and set out/err. */
  public static CommandLine newCommandLine() {
    return newCommandLine(CommandLine.defaultFactory());
  }

  /** As {@link #newCommandLine()}, with the commands made by {@code factory} (tests give them their servers). */
  public static CommandLine newCommandLine(CommandLine.IFactory factory) {
    CommandLine cli = new CommandLine(new WharfCli(), factory);
    ErrorHandler handler = new ErrorHandler();
    cli.setExecutionExceptionHandler(handler);
    cli.setParameterExceptionHandler(handler);
    return cli;
  }
}
