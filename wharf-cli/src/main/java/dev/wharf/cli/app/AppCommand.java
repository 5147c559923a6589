package dev.wharf.cli.app;

import picocli.CommandLine.Command;

/** {@code wharf app}: a developer's own apps. */
@Command(name = "app", mixinStandardHelpOptions = true,
    description = "Work with your apps: add one to the GitOps tree, see whether one is running.",
    subcommands = {AppNewCommand.class, AppStatusCommand.class})
public final class AppCommand {}
