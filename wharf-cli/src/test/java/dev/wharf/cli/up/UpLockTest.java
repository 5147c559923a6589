package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpLockTest {
  @TempDir Path dir;

  @Test
  void oneUpPerStateDirectoryAndDownFindsItsPid() {
    StateDir state = new StateDir(dir).create();
    try (UpLock first = UpLock.acquire(state)) {
      assertThat(UpLock.runningPid(state)).contains(ProcessHandle.current().pid());
      assertThatThrownBy(() -> UpLock.acquire(state))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("already running")
          .hasMessageContaining("wharf down");
    }
    assertThat(Files.exists(state.pidFile())).isFalse();
    assertThat(UpLock.runningPid(state)).isEmpty();
  }

  @Test
  void aStalePidFileIsIgnored() throws Exception {
    StateDir state = new StateDir(dir).create();
    Files.writeString(state.pidFile(), "not a pid\n");
    assertThat(UpLock.runningPid(state)).isEmpty();
  }
}
