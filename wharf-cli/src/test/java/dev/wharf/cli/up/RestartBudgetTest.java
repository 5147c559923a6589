package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartBudgetTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void pausesDoubleUntilTheBudgetIsSpent() {
    RestartBudget budget = new RestartBudget(3, Duration.ofMinutes(10), Duration.ofSeconds(1));
    assertThat(budget.next("MySQL", T0)).contains(Duration.ofSeconds(1));
    assertThat(budget.next("MySQL", T0.plusSeconds(10))).contains(Duration.ofSeconds(2));
    assertThat(budget.next("MySQL", T0.plusSeconds(20))).contains(Duration.ofSeconds(4));
    assertThat(budget.next("MySQL", T0.plusSeconds(30))).isEmpty();
    // Each process has its own budget.
    assertThat(budget.next("Redis", T0.plusSeconds(30))).contains(Duration.ofSeconds(1));
  }

  @Test
  void restartsOlderThanTheWindowNoLongerCount() {
    RestartBudget budget = new RestartBudget(2, Duration.ofMinutes(10), Duration.ofSeconds(1));
    budget.next("greeter", T0);
    budget.next("greeter", T0.plusSeconds(60));
    assertThat(budget.next("greeter", T0.plusSeconds(120))).isEmpty();
    assertThat(budget.next("greeter", T0.plus(Duration.ofMinutes(10)).plusSeconds(1))).contains(Duration.ofSeconds(2));
  }
}
