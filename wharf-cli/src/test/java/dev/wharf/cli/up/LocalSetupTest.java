package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.core.Secret;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Outcome;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a warm start picks greeter's passwords without ever reading them back from a server. */
class LocalSetupTest {
  private final AtomicInteger rotations = new AtomicInteger();
  private final Secret rotated = Secret.of("rotated");

  @Test
  void aNewlyCreatedUsersPasswordWins() {
    Secret created = Secret.of("created");
    assertThat(LocalSetup.credential(Outcome.of(Change.CREATED, created), "old", p -> true, this::rotate))
        .isEqualTo(created);
    assertThat(rotations).hasValue(0);
  }

  @Test
  void theStoredPasswordIsKeptWhileItWorks() {
    assertThat(LocalSetup.credential(Outcome.of(Change.UNCHANGED), "old", p -> true, this::rotate))
        .isEqualTo(Secret.of("old"));
    assertThat(rotations).hasValue(0);
  }

  @Test
  void aStalePasswordOrNoneIsRotated() {
    assertThat(LocalSetup.credential(Outcome.of(Change.UNCHANGED), "old", p -> false, this::rotate))
        .isEqualTo(rotated);
    assertThat(LocalSetup.credential(Outcome.of(Change.UNCHANGED), null, p -> true, this::rotate))
        .isEqualTo(rotated);
    assertThat(rotations).hasValue(2);
  }

  private Outcome rotate() {
    rotations.incrementAndGet();
    return Outcome.of(Change.UPDATED, rotated);
  }
}
