package dev.wharf.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.RegistrySpec;
import dev.wharf.operator.testing.OperatorHarness;
import java.net.URI;
import java.nio.file.Files;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /metrics after reconciles, scraped over HTTP as Prometheus does: the reconcile duration
 * histogram, Apps by Ready state (and per App, for the alert), external call errors by
 * system, and the counters the operator had before.
 */
class OperatorMetricsIT {
  static OperatorHarness h;
  static HttpEndpoints http;

  @BeforeAll
  static void start() throws Exception {
    h = new OperatorHarness(Duration.ofMinutes(5));
    http = new HttpEndpoints(0, () -> true, h.operator::ready, h.operator::metrics);
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close();
    }
    if (h != null) {
      h.close();
    }
  }

  static String scrape() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
    return r.body();
  }

  /** The value of the one sample whose name and labels (in Prometheus' order) are given. */
  static double sample(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
    assertThat(m.find()).as("series %s in\n%s", series, text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  static App awaitCondition(String ns, String name, String type, String wanted) {
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      App a = h.app(ns, name);
      return a != null && a.getStatus() != null
          && a.getStatus().condition(type).map(c -> wanted.equals(c.getStatus())).orElse(false);
    });
    return h.app(ns, name);
  }

  static AppSpec registryOnly(String team) {
    AppSpec spec = new AppSpec(team);
    spec.setRegistry(new RegistrySpec(true));
    return spec;
  }

  @Test
  void reconcilesReadyAppsAndFailedCallsAreMeasured() throws Exception {
    h.kube.resource(new App("team-a", "metered", OperatorHarness.fullSpec("team-a"))).create();
    awaitCondition("team-a", "metered", AppStatus.READY, "True");

    h.harbor.setUnavailable(true);
    try {
      h.kube.resource(new App("team-b", "unmetered", registryOnly("team-b"))).create();
      awaitCondition("team-b", "unmetered", AppStatus.REGISTRY_READY, "False");
    } finally {
      h.harbor.setUnavailable(false);
    }
    h.openBao.setUnavailable(true);
    try {
      h.requestResync("team-a", "metered");
      awaitCondition("team-a", "metered", AppStatus.SECRETS_READY, "False");
    } finally {
      h.openBao.setUnavailable(false);
    }
    awaitCondition("team-a", "metered", AppStatus.READY, "True");
    h.awaitQuiet(Duration.ofSeconds(30));

    String text = scrape();
    assertThat(text).contains("# TYPE wharf_reconcile_duration_seconds histogram");
    assertThat(sample(text, "wharf_reconcile_duration_seconds_bucket{le=\"+Inf\"}")).isPositive();
    assertThat(sample(text, "wharf_reconcile_duration_seconds_count"))
        .isEqualTo(sample(text, "wharf_reconcile_duration_seconds_bucket{le=\"+Inf\"}"));
    assertThat(sample(text, "wharf_apps{ready=\"true\"}")).isGreaterThanOrEqualTo(1);
    assertThat(sample(text, "wharf_app_ready{app_name=\"metered\",app_namespace=\"team-a\"}")).isEqualTo(1);
    assertThat(sample(text, "wharf_external_errors_total{reason=\"ServerUnavailable\",system=\"harbor\"}")).isPositive();
    assertThat(sample(text, "wharf_external_errors_total{reason=\"ServerUnavailable\",system=\"openbao\"}")).isPositive();
    assertThat(sample(text, "wharf_operator_reconciles_total")).isEqualTo(h.operator.reconciles());
    assertThat(sample(text, "wharf_operator_external_writes_total")).isPositive();
    assertThat(sample(text, "wharf_operator_leader")).as("alone, it reconciles").isEqualTo(1);
    // Every operator metric the GitOps tree's alert rules use is one the operator exports.
    String rules = Files.readString(OperatorHarness.locate("gitops/services/wharf-operator/rules.yaml"));
    Matcher used = Pattern.compile("\\b(wharf_[a-z_]+)\\b").matcher(rules);
    int count = 0;
    while (used.find()) {
      assertThat(text).as("rules.yaml uses %s", used.group(1)).containsPattern("(?m)^" + used.group(1) + "[{ ]");
      count++;
    }
    assertThat(count).as("the rules use operator metrics").isGreaterThanOrEqualTo(2);

    h.kube.resources(App.class).inNamespace("team-a").withName("metered").delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> h.app("team-a", "metered") == null);
    assertThat(scrape()).as("a deleted App is no longer reported").doesNotContain("app_name=\"metered\"");
  }
}
