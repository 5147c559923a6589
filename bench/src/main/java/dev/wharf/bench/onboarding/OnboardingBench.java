package dev.wharf.bench.onboarding;

import dev.wharf.core.AppRef;
import dev.wharf.local.LocalRuntime;
import dev.wharf.local.ProgressListener;
import dev.wharf.local.Service;
import dev.wharf.provisioning.Change;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.keycloak.KeycloakProvisioner;
import dev.wharf.provisioning.keycloak.KeycloakRealmSetup;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.redis.RedisProvisioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Provisions N apps (MySQL database and user, Redis ACL user, Keycloak team group and client
 * each) on a fresh local runtime, then ensures them all again. Starting the servers and the
 * realm is not timed; a few throwaway apps warm up first.
 *
 * <p>Usage: {@code bench/onboarding [--apps N]} (default 50). Last line:
 * {@code onboarding: N apps in T ms, p50 X ms, p95 Y ms, re-ensure writes W}, where T is the
 * wall time of the first pass, X and Y are per-app times in it, and W counts server writes
 * during the second pass (it must be 0).
 */
public final class OnboardingBench {

  private static final int TEAMS = 5;
  private static final int WARMUP_APPS = 5;

  private OnboardingBench() {}

  public static void main(String[] args) throws Exception {
    int apps = parseApps(args);
    Path stateDir = Files.createTempDirectory("wharf-onboarding-bench-");
    var progress = new ProgressListener() {
      @Override
      public void started(Service service, Duration took) {
        System.err.println("onboarding: " + service.displayName() + " ready in "
            + took.toMillis() + " ms");
      }

      @Override
      public void message(String text) {
        System.err.println("onboarding: " + text);
      }
    };
    System.err.println("onboarding: starting MariaDB, Redis and Keycloak in " + stateDir);
    try (var runtime = LocalRuntime.builder().stateDir(stateDir)
        .services(Service.MYSQL, Service.REDIS, Service.KEYCLOAK).progress(progress)
        .build().start()) {
      run(runtime, apps);
    } finally {
      deleteTree(stateDir);
    }
  }

  private static void run(LocalRuntime runtime, int apps) {
    var writes = new Writes();
    var m = runtime.mysql();
    var r = runtime.redis();
    var k = runtime.keycloak();
    try (var onboarding = new Onboarding(
        new MySqlProvisioner(m, writes),
        new RedisProvisioner(r, writes),
        new KeycloakProvisioner(k, writes),
        new KeycloakRealmSetup(k, writes))) {
      onboarding.prepare();
      for (int i = 0; i < WARMUP_APPS; i++) {
        onboarding.onboard(AppRef.of("warmup", "warm-" + i));
      }
      var refs = new ArrayList<AppRef>();
      for (int i = 0; i < apps; i++) {
        refs.add(AppRef.of("team-" + (i % TEAMS), "app-" + i));
      }

      long[] millis = new long[apps];
      long passStart = System.nanoTime();
      for (int i = 0; i < apps; i++) {
        long start = System.nanoTime();
        expect(onboarding.onboard(refs.get(i)), Change.CREATED, refs.get(i));
        millis[i] = (System.nanoTime() - start) / 1_000_000;
      }
      long total = (System.nanoTime() - passStart) / 1_000_000;

      System.err.println("onboarding: time by service, summed over the warm-up and"
          + " first pass: " + onboarding.timeByService());
      long writesBefore = writes.count();
      long againStart = System.nanoTime();
      for (var ref : refs) {
        expect(onboarding.onboard(ref), Change.UNCHANGED, ref);
      }
      long againTotal = (System.nanoTime() - againStart) / 1_000_000;
      long reWrites = writes.count() - writesBefore;

      Arrays.sort(millis);
      System.err.println("onboarding: per-app ms, sorted: " + Arrays.toString(millis));
      System.err.println("onboarding: second pass (re-ensure) took " + againTotal + " ms");
      System.err.println("onboarding: writes by kind, both passes: " + writes.byKind());
      System.out.println("onboarding: " + apps + " apps in " + total + " ms, p50 "
          + percentile(millis, 50) + " ms, p95 " + percentile(millis, 95)
          + " ms, re-ensure writes " + reWrites);
    }
  }

  /** Every service of an app must have reported {@code wanted}; anything else is a bug. */
  private static void expect(List<Change> changes, Change wanted, AppRef app) {
    for (var change : changes) {
      if (change != wanted) {
        throw new IllegalStateException("onboarding " + app + " reported " + changes
            + ", expected " + wanted + " for every service");
      }
    }
  }

  static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static int parseApps(String[] args) {
    int apps = 50;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--apps") && i + 1 < args.length) {
        apps = Integer.parseInt(args[++i]);
      } else if (args[i].startsWith("--apps=")) {
        apps = Integer.parseInt(args[i].substring("--apps=".length()));
      } else {
        System.err.println("usage: bench/onboarding [--apps N]");
        System.exit(2);
      }
    }
    if (apps < 1) {
      System.err.println("onboarding: --apps must be at least 1");
      System.exit(2);
    }
    return apps;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
