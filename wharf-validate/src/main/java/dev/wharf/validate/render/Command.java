package dev.wharf.validate.render;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one external command with its output in files and a time limit. */
public final class Command {
  /** Exit code of a command that was killed because it ran out of time. */
  public static final int TIMED_OUT = -1;

  private Command() {}

  /** The exit code, or {@link #TIMED_OUT} after killing the command and its children. */
  public static int run(List<String> cmd, Path stdout, Path stderr, Duration timeout) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        return TIMED_OUT;
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      kill(p);
      throw e;
    }
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }
}
