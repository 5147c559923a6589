package dev.wharf.cli.up;

import dev.wharf.local.ProgressListener;
import dev.wharf.local.Service;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints the local runtime's progress: a download bar that redraws in place on a terminal (a
 * line every 10% otherwise) and one line per service with the time it took to start.
 */
final class ConsoleProgress implements ProgressListener {
  private static final int BAR = 30;
  private final PrintWriter out;
  private final boolean terminal;
  private int shownDecile = -1;

  ConsoleProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void starting(Service service) {
    out.printf("  starting %s...%n", service.displayName());
    out.flush();
  }

  @Override
  public synchronized void started(Service service, Duration took) {
    out.printf(Locale.ROOT, "  %-20s started in %s%n", service.displayName(), seconds(took));
    out.flush();
  }

  @Override
  public synchronized void download(String what, long bytes, long total) {
    String line = bar(what, bytes, total);
    // Without a terminal: a line per 10% (per 10 MB when the size is unknown).
    int decile = total > 0 ? (int) (bytes * 10 / total) : (int) (bytes / (10 * 1024 * 1024));
    boolean done = total > 0 && bytes >= total;
    if (terminal) {
      out.print("\r" + line + (done ? "\n" : ""));
      out.flush();
    } else if (decile != shownDecile) {
      out.println(line);
      out.flush();
      shownDecile = decile;
    }
  }

  @Override
  public synchronized void message(String text) {
    out.println("  " + text);
    out.flush();
  }

  /**
   * True when stdout is a terminal. From JDK 22 on, System.console() exists even when output
   * is redirected and Console.isTerminal() tells; this code also runs on 21, hence reflection.
   */
  static boolean stdoutIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only for a terminal
    }
  }

  /** {@code downloading Keycloak [#######.......]  42% 67/160 MB}. */
  static String bar(String what, long bytes, long total) {
    long mb = bytes / (1024 * 1024);
    if (total <= 0) {
      return String.format(Locale.ROOT, "  downloading %s: %d MB", what, mb);
    }
    int filled = (int) Math.min(BAR, bytes * BAR / total);
    return String.format(Locale.ROOT, "  downloading %s [%s%s] %3d%% %d/%d MB", what,
        "#".repeat(filled), ".".repeat(BAR - filled), Math.min(100, bytes * 100 / total), mb,
        total / (1024 * 1024));
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
