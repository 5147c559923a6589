package dev.wharf.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.wharf.validate.ValidateException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching schemas by URL with a disk cache, against a local HTTP server. */
class UrlSchemaSourceTest {
  private static final String DEPLOYMENT = """
      {"type": "object", "properties": {"spec": {"type": "object"}},
       "x-kubernetes-group-version-kind": [{"group": "apps", "version": "v1", "kind": "Deployment"}]}
      """;
  private static final String WIDGET = "{\"type\": \"object\", \"properties\": {\"spec\": {\"type\": \"object\"}}}";

  @TempDir Path cache;
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.add(path);
      String body = switch (path) {
        case "/k8s/deployment-apps-v1.json" -> DEPLOYMENT;
        case "/crds/example.com/widget_v1.json" -> WIDGET;
        case "/k8s/broken-v1.json" -> "{ not json";
        default -> null;
      };
      int status = path.startsWith("/k8s/flaky") ? 503 : body == null ? 404 : 200;
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private UrlSchemaSource source() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    return new UrlSchemaSource(base + "/k8s/{file}", base + "/crds/{group}/{kind}_{version}.json", cache);
  }

  @Test
  void builtInKindsComeFromTheKubernetesTemplateAndAreCached() {
    assertThat(source().find(new Gvk("apps", "v1", "Deployment"))).isPresent();
    assertThat(source().find(new Gvk("apps", "v1", "Deployment"))).isPresent();
    assertThat(requests).containsExactly("/k8s/deployment-apps-v1.json");
  }

  @Test
  void customResourcesComeFromTheCrdTemplate() {
    assertThat(source().find(new Gvk("example.com", "v1", "Widget"))).get()
        .extracting(SchemaSource.Found::from).asString().endsWith("/crds/example.com/widget_v1.json");
  }

  @Test
  void aMissingSchemaIsRememberedAsMissing() {
    assertThat(source().find(new Gvk("example.com", "v1", "Gadget"))).isEmpty();
    assertThat(source().find(new Gvk("example.com", "v1", "Gadget"))).isEmpty();
    assertThat(requests).containsExactly("/crds/example.com/gadget_v1.json");
  }

  @Test
  void aSchemaForAnotherGroupIsNotUsed() {
    // "apps.k8s.io" shortens to the same file name as "apps"; the file declares apps/v1 only.
    assertThat(source().find(new Gvk("apps.k8s.io", "v1", "Deployment"))).isEmpty();
  }

  @Test
  void serverErrorsAndBadJsonAreEnvironmentErrors() {
    assertThatThrownBy(() -> source().find(new Gvk("", "v1", "Flaky")))
        .isInstanceOf(ValidateException.class).hasMessageContaining("HTTP 503").hasMessageContaining("--schema-dir");
    assertThatThrownBy(() -> source().find(new Gvk("", "v1", "Broken")))
        .isInstanceOf(ValidateException.class).hasMessageContaining("--schema-dir");
  }

  @Test
  void aTemplateThatIsNotAnHttpUrlIsAUsageError() {
    String crds = "https://example.com/{group}/{kind}_{version}.json";
    assertThatThrownBy(() -> new UrlSchemaSource("nonsense{file}", crds, cache))
        .isInstanceOf(ValidateException.class).hasMessageContaining("--kubernetes-schema-url");
    assertThatThrownBy(() -> new UrlSchemaSource("https://example.com/{file}", "https://example.com/schema.json", cache))
        .isInstanceOf(ValidateException.class).hasMessageContaining("--crd-schema-url").hasMessageContaining("placeholders");
    assertThatThrownBy(() -> new UrlSchemaSource("file:///schemas/{file}", crds, cache))
        .isInstanceOf(ValidateException.class).hasMessageContaining("--schema-dir");
    assertThat(new UrlSchemaSource(UrlSchemaSource.DEFAULT_KUBERNETES, UrlSchemaSource.DEFAULT_CRDS, cache)).isNotNull();
  }
}
