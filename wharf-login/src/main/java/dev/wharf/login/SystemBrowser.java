package dev.wharf.login;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Opens a URL in the desktop browser: java.awt.Desktop, else xdg-open or open on PATH. */
public final class SystemBrowser {

  private SystemBrowser() {}

  /** True when a browser was started; false when the caller should rely on the printed URL. */
  public static boolean open(URI uri) {
    String os = System.getProperty("os.name", "").toLowerCase();
    boolean display = os.contains("mac") || os.contains("win")
        || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    if (!display) {
      return false;
    }
    if (desktop(uri)) {
      return true;
    }
    for (String opener : List.of("xdg-open", "open")) {
      if (onPath(opener)) {
        try {
          new ProcessBuilder(opener, uri.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
          return true;
        } catch (IOException e) {
          // Try the next opener; the URL is printed anyway.
        }
      }
    }
    return false;
  }

  private static boolean desktop(URI uri) {
    try {
      if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
          && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
        java.awt.Desktop.getDesktop().browse(uri);
        return true;
      }
    } catch (IOException | UnsupportedOperationException | LinkageError e) {
      // No usable AWT (headless JDK, no desktop); fall back to an opener command.
    }
    return false;
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
