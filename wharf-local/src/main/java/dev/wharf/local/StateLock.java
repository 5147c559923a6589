package dev.wharf.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of one service's state directory by one process, held while its server runs.
 * The operating system drops the lock when the holder dies, so a start that gets the lock knows
 * that anything in the pid file was left behind by a dead process and may be killed.
 */
final class StateLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private StateLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static StateLock acquire(Service service, Path dir) {
    Path file = dir.resolve(service.name().toLowerCase() + ".lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String owner = owner(channel);
        channel.close();
        throw new LocalRuntimeException(service.displayName() + " in " + dir + " is already run by another process"
            + (owner.isEmpty() ? "" : " (pid " + owner + ")") + ": stop that one first (for example with wharf down), "
            + "or choose another state directory");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
      return new StateLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new LocalRuntimeException("cannot lock " + file + ": " + e.getMessage()
          + "; check that the state directory is writable", e);
    }
  }

  private static String owner(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing held any more
      }
    }
  }
}
