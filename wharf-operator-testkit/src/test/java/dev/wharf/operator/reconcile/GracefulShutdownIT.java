package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.RegistrySpec;
import dev.wharf.operator.WharfOperator;
import dev.wharf.operator.config.ReplicaConfig;
import dev.wharf.operator.testing.OperatorHarness;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stop (SIGTERM in the pod: Main's shutdown hook closes the operator) lets the reconciles
 * under way finish and write their status, up to the shutdown timeout, and no longer. The
 * reconcile is held in a Harbor call that takes {@link #HELD} to answer (503 then, so the App
 * ends with RegistryReady False, written by the reconcile that was under way at the stop).
 */
class GracefulShutdownIT {
  static final long HELD = 3_000;
  static OperatorHarness h;
  static Apps apps;
  HttpServer slowHarbor;
  CountDownLatch called;
  CountDownLatch answered;

  @BeforeAll
  static void start() {
    h = new OperatorHarness(Duration.ofMinutes(5));
    h.operator.close(); // the replicas below reconcile instead, each with the slow Harbor
    apps = new Apps(h);
  }

  @AfterAll
  static void stop() {
    if (h != null) {
      h.close();
    }
  }

  @BeforeEach
  void slowHarbor() throws Exception {
    called = new CountDownLatch(1);
    answered = new CountDownLatch(1);
    slowHarbor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    slowHarbor.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    slowHarbor.createContext("/", ex -> {
      called.countDown();
      try (ex) {
        Thread.sleep(HELD);
        ex.sendResponseHeaders(503, -1);
        answered.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    slowHarbor.start();
  }

  @AfterEach
  void stopSlowHarbor() {
    slowHarbor.stop(0);
  }

  WharfOperator replicaWithShutdownTimeout(Duration timeout) {
    URI harbor = URI.create("http://127.0.0.1:" + slowHarbor.getAddress().getPort());
    return h.replica(new ReplicaConfig(Duration.ofMinutes(10), Optional.empty(), "stopping", timeout), harbor);
  }

  static AppSpec registryOnly(String team) {
    AppSpec spec = new AppSpec(team);
    spec.setRegistry(new RegistrySpec(true));
    return spec;
  }

  @Test
  void aReconcileUnderWayAtTheStopFinishesAndWritesItsStatusBeforeTheStopReturns() throws Exception {
    WharfOperator operator = replicaWithShutdownTimeout(Duration.ofSeconds(20));
    apps.create("team-a", "draining", registryOnly("team-a"));
    assertThat(called.await(30, TimeUnit.SECONDS)).as("the reconcile reached Harbor").isTrue();

    operator.close();

    assertThat(answered.getCount()).as("the held call was answered before the stop returned").isZero();
    AppStatus status = h.app("team-a", "draining").getStatus();
    assertThat(status).as("status written by the reconcile under way").isNotNull();
    assertThat(status.condition(AppStatus.REGISTRY_READY).orElseThrow().getReason()).isEqualTo("ServerUnavailable");
    assertThat(status.getObservedGeneration()).isEqualTo(h.app("team-a", "draining").getMetadata().getGeneration());
  }

  @Test
  void theStopWaitsNoLongerThanTheShutdownTimeout() throws Exception {
    WharfOperator operator = replicaWithShutdownTimeout(Duration.ofMillis(200));
    apps.create("team-b", "cut-short", registryOnly("team-b"));
    assertThat(called.await(30, TimeUnit.SECONDS)).as("the reconcile reached Harbor").isTrue();

    operator.close();

    assertThat(answered.getCount()).as("the stop returned while the held call was still under way").isOne();
  }
}
