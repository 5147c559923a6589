package dev.wharf.operator.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.core.AppRef;
import dev.wharf.core.Names;

/**
 * The Grafana dashboard of one app: request rate, 5xx errors, p95 latency (Micrometer's
 * http_server_requests histogram), JVM heap and threads, logs from Loki, traces from Tempo.
 * Series are selected by Kubernetes namespace and the app's Service name (the ServiceMonitor
 * "service" label); logs by the namespace and "app" stream labels; traces by service.name,
 * which Spring Boot sets from spring.application.name (the app name).
 */
public final class Dashboard {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Dashboard() {}

  public static String json(AppRef app) {
    String sel = "namespace=\"" + app.namespace() + "\", service=\"" + app.name() + "\"";
    ObjectNode d = JSON.createObjectNode();
    d.put("title", app.namespace() + " / " + app.name());
    d.put("uid", Names.dashboardUid(app));
    d.put("schemaVersion", 39);
    d.put("timezone", "browser");
    d.putArray("tags").add("wharf").add(app.namespace());
    d.putObject("time").put("from", "now-6h").put("to", "now");
    d.put("refresh", "30s");
    ArrayNode panels = d.putArray("panels");
    panels.add(timeseries(1, "Requests per second", "reqps", 0, 0,
        "sum by (uri) (rate(http_server_requests_seconds_count{" + sel + "}[5m]))"));
    panels.add(timeseries(2, "Errors per second (5xx)", "reqps", 12, 0,
        "sum by (uri) (rate(http_server_requests_seconds_count{" + sel + ", status=~\"5..\"}[5m]))"));
    panels.add(timeseries(3, "Latency p95", "s", 0, 8,
        "histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket{" + sel + "}[5m])))"));
    panels.add(timeseries(4, "JVM heap used", "bytes", 12, 8,
        "sum by (pod) (jvm_memory_used_bytes{" + sel + ", area=\"heap\"})"));
    panels.add(timeseries(5, "JVM live threads", "short", 0, 16,
        "sum by (pod) (jvm_threads_live_threads{" + sel + "})"));
    ObjectNode logs = panel(6, "Logs", "logs", 12, 16, "loki");
    logs.putArray("targets").addObject().put("refId", "A")
        .put("expr", "{namespace=\"" + app.namespace() + "\", app=\"" + app.name() + "\"}");
    panels.add(logs);
    ObjectNode traces = panel(7, "Traces", "table", 0, 24, "tempo");
    traces.putArray("targets").addObject().put("refId", "A").put("queryType", "traceql")
        .put("query", "{resource.service.name=\"" + app.name() + "\"}").put("limit", 20);
    panels.add(traces);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("dashboard JSON", e);
    }
  }

  private static ObjectNode timeseries(int id, String title, String unit, int x, int y, String expr) {
    ObjectNode p = panel(id, title, "timeseries", x, y, "prometheus");
    p.putObject("fieldConfig").putObject("defaults").put("unit", unit);
    p.putArray("targets").addObject().put("refId", "A").put("expr", expr);
    return p;
  }

  private static ObjectNode panel(int id, String title, String type, int x, int y, String datasourceType) {
    ObjectNode p = JSON.createObjectNode();
    p.put("id", id);
    p.put("title", title);
    p.put("type", type);
    p.putObject("gridPos").put("x", x).put("y", y).put("w", 12).put("h", 8);
    p.putObject("datasource").put("type", datasourceType).put("uid", datasourceType);
    return p;
  }
}
