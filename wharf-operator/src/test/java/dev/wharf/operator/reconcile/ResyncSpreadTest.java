package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResyncSpreadTest {
  static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  static List<Duration> delaysOf(int apps) {
    List<Duration> out = new ArrayList<>();
    for (int i = 0; i < apps; i++) {
      String uid = UUID.nameUUIDFromBytes(("team-a/app-" + i).getBytes(StandardCharsets.UTF_8)).toString();
      out.add(ResyncSpread.next(FIVE_MINUTES, uid));
    }
    return out;
  }

  @Test
  void everyDelayIsTheIntervalWithinATenth() {
    assertThat(delaysOf(500)).allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330)));
  }

  @Test
  void fiveHundredAppsSpreadOverTheWholeWindowInsteadOfOneBurst() {
    // Ten buckets of six seconds across 4.5 to 5.5 minutes: an even spread puts 50 in each.
    int[] buckets = new int[10];
    for (Duration d : delaysOf(500)) {
      buckets[(int) Math.min(9, (d.toMillis() - 270_000) / 6_000)]++;
    }
    for (int count : buckets) {
      assertThat(count).as("apps per six seconds").isBetween(25, 75);
    }
  }

  @Test
  void anAppKeepsItsDelayAndAppsWithSimilarUidsDiffer() {
    assertThat(ResyncSpread.next(FIVE_MINUTES, "uid-1")).isEqualTo(ResyncSpread.next(FIVE_MINUTES, "uid-1"));
    assertThat(ResyncSpread.next(FIVE_MINUTES, "uid-1")).isNotEqualTo(ResyncSpread.next(FIVE_MINUTES, "uid-2"));
  }

  @Test
  void unitStaysBelowOne() {
    for (String key : List.of("", "a", "b", "zzzzzzzzzzzzzzzzzz", "00000000-0000-0000-0000-000000000000")) {
      assertThat(ResyncSpread.unit(key)).isGreaterThanOrEqualTo(0).isLessThan(1);
    }
  }
}
