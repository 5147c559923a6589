package dev.wharf.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.core.AppRef;
import dev.wharf.core.Secret;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How the operator and a warm 'wharf up' pick an existing account's secret without ever reading
 * it back from a server.
 */
class KeepOrResetTest {
  private static final AppRef APP = AppRef.of("team-a", "greeter");
  private final AtomicInteger rotations = new AtomicInteger();
  private final Secret rotated = Secret.of("rotated");

  @Test
  void aNewlyCreatedUsersPasswordWins() {
    Secret created = Secret.of("created");
    assertThat(secret(Outcome.of(Change.CREATED, created), stored("old"), true)).isEqualTo(created);
    assertThat(rotations).hasValue(0);
  }

  @Test
  void theStoredPasswordIsKeptWhileItWorks() {
    assertThat(secret(Outcome.of(Change.UNCHANGED), stored("old"), true)).isEqualTo(Secret.of("old"));
    assertThat(rotations).hasValue(0);
  }

  @Test
  void aStalePasswordOrNoneIsRotated() {
    assertThat(secret(Outcome.of(Change.UNCHANGED), stored("old"), false)).isEqualTo(rotated);
    assertThat(secret(Outcome.of(Change.UNCHANGED), StoredSecret.none(), true)).isEqualTo(rotated);
    assertThat(rotations).hasValue(2);
  }

  @Test
  void aPasswordDueForRenewalIsRotatedEvenThoughItWorks() {
    var due = StoredSecret.of(Optional.of(Secret.of("old")), true);
    assertThat(secret(Outcome.of(Change.UNCHANGED), due, true)).isEqualTo(rotated);
    assertThat(due.keepable()).as("nor is it used to restore a lost account").isEmpty();
    assertThat(rotations).hasValue(1);
  }

  @Test
  void anAccountThatVanishedBeforeItsResetIsAnErrorWithoutSecrets() {
    assertThatThrownBy(() -> KeepOrReset.secret(Outcome.of(Change.UNCHANGED), stored("old"), p -> false,
        () -> Outcome.of(Change.ABSENT), "MySQL", "MySQL user", APP))
        .isInstanceOf(ServiceException.class).hasMessageContaining("MySQL user of team-a/greeter vanished")
        .hasMessageNotContaining("old");
  }

  private Secret secret(Outcome ensured, StoredSecret stored, boolean works) {
    return KeepOrReset.secret(ensured, stored, p -> works, this::rotate, "MySQL", "MySQL user", APP);
  }

  private static StoredSecret stored(String value) {
    return StoredSecret.of(Optional.of(Secret.of(value)));
  }

  private Outcome rotate() {
    rotations.incrementAndGet();
    return Outcome.of(Change.UPDATED, rotated);
  }
}
