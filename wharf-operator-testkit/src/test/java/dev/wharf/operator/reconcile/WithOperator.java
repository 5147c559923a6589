package dev.wharf.operator.reconcile;

import dev.wharf.operator.testing.OperatorHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * An operator of the test class's own (mock API server, the local servers, the stubs) with a
 * 5-minute resync, started before its first test and closed after its last: test classes
 * share nothing but the local servers, so each runs alone or in any order.
 */
abstract class WithOperator {
  static OperatorHarness h;
  static Apps apps;

  @BeforeAll
  static void startOperator() {
    h = new OperatorHarness(Duration.ofMinutes(5));
    apps = new Apps(h);
  }

  @AfterAll
  static void stopOperator() {
    if (h != null) {
      h.close();
      h = null;
      apps = null;
    }
  }
}
