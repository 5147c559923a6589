package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import dev.wharf.core.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One {@code wharf up} per state directory: it holds a file lock while it runs and writes its
 * pid beside it, which {@code wharf down} signals.
 */
final class UpLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;
  private final Path pidFile;

  private UpLock(FileChannel channel, FileLock lock, Path pidFile) {
    this.channel = channel;
    this.lock = lock;
    this.pidFile = pidFile;
  }

  static UpLock acquire(StateDir state) {
    try {
      FileChannel channel = FileChannel.open(state.lockFile(),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        String pid = runningPid(state).map(p -> " (pid " + p + ")").orElse("");
        throw new UserError("'wharf up' or 'wharf demo' is already running for " + state.root()
            + pid + ": use that one, stop it with 'wharf down --state-dir " + state.root()
            + "', or choose another state directory (WHARF_HOME or --state-dir)");
      }
      PrivateFiles.write(state.pidFile(), ProcessHandle.current().pid() + "\n");
      return new UpLock(channel, lock, state.pidFile());
    } catch (IOException e) {
      throw new UserError("cannot lock " + state.lockFile() + " (" + e.getMessage() + ")");
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldByThisJvm) {
      return null;
    }
  }

  /** The pid in the pid file when that process is still alive. */
  static Optional<Long> runningPid(StateDir state) {
    try {
      long pid = Long.parseLong(Files.readString(state.pidFile(), StandardCharsets.UTF_8).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> pid);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(pidFile);
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
