package dev.wharf.bench.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.AppStatus;
import dev.wharf.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * bench/reconcile --apps N [--in-flight K]. Creates N Apps with every capability, keeping at
 * most K (default 4; 0 = all at once) waiting for Ready, as teams onboarding apps would rather
 * than one burst; records for each the time from its creation to the first status with
 * Ready=True (seen through a watch), after W (default 5) warm-up apps that are not measured; then
 * makes the operator reconcile every unchanged App again, all at once, and counts every request
 * it sent meanwhile (to the API server, MySQL, Redis, Keycloak, OpenBao and Harbor; a line
 * before the last one breaks them down per system) and the writes among them, and the time
 * until the last App was reconciled.
 * Last line: {@code reconcile: N apps ready in T ms, p95 X ms, resync writes W, resync requests per app R, resync S ms}.
 */
public final class ReconcileBench {
  public static void main(String[] args) throws Exception {
    int n = 50;
    int inFlight = 4;
    int warmup = 5;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--apps") && i + 1 < args.length) {
        n = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--warmup") && i + 1 < args.length) {
        warmup = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--in-flight") && i + 1 < args.length) {
        inFlight = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: bench/reconcile [--apps N] [--in-flight K (0: create all at once)] [--warmup W]");
        System.exit(2);
      }
    }
    if (n < 1 || inFlight < 0 || warmup < 0) {
      System.err.println("bench/reconcile: --apps must be at least 1, --in-flight and --warmup at least 0");
      System.exit(2);
    }
    // The operator logs each App's readiness; the benchmark only wants its figures.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    String result;
    try (OperatorHarness h = new OperatorHarness(Duration.ofHours(1))) {
      warmUp(h, warmup);
      result = run(h, n, inFlight == 0 ? n : inFlight);
    }
    System.out.println(result); // after shutdown, so it is the last line
    System.exit(0);
  }

  private static String run(OperatorHarness h, int n, int inFlight) throws Exception {
    Map<String, Long> created = new ConcurrentHashMap<>();
    Map<String, Long> ready = new ConcurrentHashMap<>();
    CountDownLatch allReady = new CountDownLatch(n);
    java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(inFlight);
    var watch = h.kube.resources(App.class).inAnyNamespace().watch(new Watcher<App>() {
      @Override
      public void eventReceived(Action action, App app) {
        String key = app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
        if (app.getStatus() != null && app.getStatus().isTrue(AppStatus.READY) && ready.putIfAbsent(key, System.nanoTime()) == null) {
          allReady.countDown();
          window.release();
        }
      }

      @Override
      public void onClose(WatcherException cause) {}
    });
    System.err.printf("reconcile: creating %d apps, at most %d waiting for Ready at a time%n", n, inFlight);
    long reconcilesAtStart = h.operator.reconciles();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      if (!window.tryAcquire(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("no app became ready within 5 minutes");
      }
      String team = i % 2 == 0 ? "team-a" : "team-b";
      String name = "bench-" + i;
      created.put(team + "/" + name, System.nanoTime());
      h.kube.resource(new App(team, name, OperatorHarness.fullSpec(team))).create();
    }
    if (!allReady.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException((n - allReady.getCount()) + " of " + n + " apps became ready within 10 minutes");
    }
    long totalMs = (System.nanoTime() - start) / 1_000_000;
    List<Long> latencies = new ArrayList<>();
    created.forEach((k, t) -> latencies.add((ready.get(k) - t) / 1_000_000));
    latencies.sort(null);
    long p95 = latencies.get(Math.max(0, (int) Math.ceil(latencies.size() * 0.95) - 1));
    System.err.printf("reconcile: ready latencies min %d ms, median %d ms, max %d ms (load average %s, %d CPUs)%n",
        latencies.getFirst(), latencies.get(latencies.size() / 2), latencies.getLast(), loadAverage(),
        Runtime.getRuntime().availableProcessors());

    h.awaitQuiet(Duration.ofMinutes(5));
    System.err.printf(Locale.ROOT, "reconcile: %.2f reconciles per app until all were ready and the operator quiet%n",
        (h.operator.reconciles() - reconcilesAtStart) / (double) n);
    watch.close();
    Resync resync = resyncAll(h, created.keySet());
    return String.format(Locale.ROOT, "reconcile: %d apps ready in %d ms, p95 %d ms, resync writes %d, resync requests per app %.1f,"
        + " resync %d ms", n, totalMs, p95, resync.writes(), resync.requestsPerApp(), resync.millis());
  }

  /** What the full resync of the unchanged Apps cost. */
  private record Resync(long writes, double requestsPerApp, long millis) {}

  /**
   * Makes the operator reconcile every unchanged App at once (as a resync after a restart
   * does), times it from the trigger until the last App is reconciled, and counts everything
   * the operator sent meanwhile to each system and the writes among it.
   */
  private static Resync resyncAll(OperatorHarness h, Set<String> apps) throws Exception {
    int n = apps.size();
    try (var counter = h.requestCounter()) {
      long writesBefore = h.externalWrites();
      var before = counter.snapshot();
      long reconcilesBefore = h.operator.reconciles();
      long start = System.nanoTime();
      for (String key : apps) {
        String[] nsName = key.split("/");
        h.requestResync(nsName[0], nsName[1]);
      }
      long deadline = start + TimeUnit.MINUTES.toNanos(5);
      while (h.operator.reconciles() < reconcilesBefore + n && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (h.operator.reconciles() < reconcilesBefore + n) {
        throw new IllegalStateException("the resync of " + n + " apps did not finish within 5 minutes");
      }
      h.awaitQuiet(Duration.ofMinutes(5)); // requests still under way belong to the resync too
      var requests = counter.between(before, counter.snapshot());
      long total = requests.values().stream().mapToLong(Long::longValue).sum();
      long writes = h.externalWrites() - writesBefore;
      StringBuilder perApp = new StringBuilder();
      requests.forEach((system, count) -> perApp.append(String.format(Locale.ROOT, ", %s %.2f", system, count / (double) n)));
      System.out.printf(Locale.ROOT, "reconcile: resync of %d apps, requests per app by system: total %.2f%s (load average %s)%n",
          n, total / (double) n, perApp, loadAverage());
      return new Resync(writes, total / (double) n, millis);
    }
  }

  /**
   * Creates, readies and deletes W apps first, not measured, so the figures describe the
   * operator and servers at work rather than JIT compilation of a freshly started Keycloak
   * and JVM.
   */
  private static void warmUp(OperatorHarness h, int w) throws InterruptedException {
    if (w == 0) {
      return;
    }
    System.err.printf("reconcile: warming up with %d apps (not measured)%n", w);
    for (int i = 0; i < w; i++) {
      h.kube.resource(new App("team-a", "warmup-" + i, OperatorHarness.fullSpec("team-a"))).create();
    }
    for (int i = 0; i < w; i++) {
      waitFor(h, "warmup-" + i, true);
      h.kube.resources(App.class).inNamespace("team-a").withName("warmup-" + i).delete();
    }
    for (int i = 0; i < w; i++) {
      waitFor(h, "warmup-" + i, false);
    }
  }

  private static void waitFor(OperatorHarness h, String name, boolean ready) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      App app = h.app("team-a", name);
      boolean done = ready ? app != null && app.getStatus() != null && app.getStatus().isTrue(AppStatus.READY) : app == null;
      if (done) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("warm-up app " + name + " did not become " + (ready ? "ready" : "deleted") + " within 5 minutes");
  }

  /** The 1-minute load average, to read the figures against (other work on the machine). */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
