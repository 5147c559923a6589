package dev.wharf.validate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls into the cache, with a stand-in helm that logs its calls and writes what helm pull would. */
class ChartCacheTest {
  @TempDir Path dir;
  private Path calls;
  private ChartCache cache;

  @BeforeEach
  void fakeHelm() throws IOException {
    calls = dir.resolve("calls.log");
    Path helm = dir.resolve("helm");
    // helm pull <chart> --repo <url> [--version V] --destination D: writes <chart>-<V or 9.9.9>.tgz, or
    // fails like helm for a chart called "nope".
    Files.writeString(helm, """
        #!/bin/sh
        echo "$@" >> %s
        chart=$2; version=9.9.9; dest=
        while [ $# -gt 0 ]; do
          case "$1" in --version) version=$2;; --destination) dest=$2;; esac
          shift
        done
        if [ "$chart" = nope ]; then echo 'Error: chart "nope" not found in https://charts.example.com repository' >&2; exit 1; fi
        echo archive > "$dest/$chart-$version.tgz"
        """.formatted(calls));
    Files.setPosixFilePermissions(helm, PosixFilePermissions.fromString("rwxr-xr-x"));
    cache = new ChartCache(dir.resolve("cache"), new Helm(helm.toString()), Duration.ofSeconds(30));
  }

  private static ChartRef ref(String chart, String version) {
    return new ChartRef(chart, version, false, "", "https://charts.example.com", false, "HelmRepository flux-system/example", "spec.chart.spec.version");
  }

  private List<String> calls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  @Test
  void anExactVersionIsPulledOnceThenServedFromTheCache() throws IOException {
    ChartStore.Lookup first = cache.locate(ref("web", "1.2.3"));
    assertThat(first.archive()).isRegularFile().hasFileName("web-1.2.3.tgz");
    assertThat(calls()).singleElement().asString().contains("pull web --repo https://charts.example.com --version 1.2.3");
    ChartCache again = new ChartCache(dir.resolve("cache"), new Helm(dir.resolve("helm").toString()), Duration.ofSeconds(30));
    assertThat(again.locate(ref("web", "v1.2.3")).archive()).isEqualTo(first.archive());
    assertThat(calls()).hasSize(1);
  }

  @Test
  void aRangeIsResolvedByPullingSoItFollowsTheRepository() throws IOException {
    cache.locate(ref("web", "1.2.3"));
    ChartCache next = new ChartCache(dir.resolve("cache"), new Helm(dir.resolve("helm").toString()), Duration.ofSeconds(30));
    assertThat(next.locate(ref("web", "~1.2")).archive()).hasFileName("web-~1.2.tgz");
    assertThat(calls()).hasSize(2);
  }

  @Test
  void aFailedPullIsMissingWithHelmsMessage() {
    ChartStore.Lookup l = cache.locate(ref("nope", "1.0.0"));
    assertThat(l.archive()).isNull();
    assertThat(l.problem()).contains("chart \"nope\" not found").doesNotStartWith("Error:");
    assertThat(l.fix()).contains("helm pull nope --repo https://charts.example.com --version 1.0.0")
        .contains("validate.wharf.dev/exempt-helm-chart-missing");
  }
}
