package dev.wharf.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.validate.ValidateException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Schemas from their public URLs, cached on disk by URL so that each is downloaded once.
 * Built-in groups (core, no dot, *.k8s.io) try the Kubernetes template first; every group
 * then tries the CRD catalog template. A 404 is remembered in the cache as well.
 */
public final class UrlSchemaSource implements SchemaSource {
  /**
   * Stand-alone schemas generated from a Kubernetes v1.34.0 API server, pinned to a commit
   * (the same files as the offline set the tests use).
   */
  public static final String DEFAULT_KUBERNETES = "https://raw.githubusercontent.com/ricoberger/kubernetes-json-schema/"
      + "36d89d6e89b528e5153c0d3527577d4870da3b95/schemas/{file}";
  /** The CRD schema catalog, pinned to a commit. */
  public static final String DEFAULT_CRDS = "https://raw.githubusercontent.com/datreeio/CRDs-catalog/"
      + "7b1e26ef9deea49293714d204c1a2270aab1178f/{group}/{kind}_{version}.json";
  private static final String MISSING = ".missing";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String kubernetesTemplate;
  private final String crdTemplate;
  private final Path cacheDir;
  private final HttpClient http;

  public UrlSchemaSource(String kubernetesTemplate, String crdTemplate, Path cacheDir) {
    this.kubernetesTemplate = checkTemplate("--kubernetes-schema-url", kubernetesTemplate, "{file}");
    this.crdTemplate = checkTemplate("--crd-schema-url", crdTemplate, "{group}/{kind}_{version}.json");
    this.cacheDir = cacheDir;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  @Override
  public Optional<Found> find(Gvk gvk) {
    boolean builtIn = gvk.group().isEmpty() || !gvk.group().contains(".") || gvk.group().endsWith(".k8s.io");
    List<String> urls = builtIn ? List.of(kubernetesUrl(gvk), crdUrl(gvk)) : List.of(crdUrl(gvk));
    for (String url : urls) {
      Optional<JsonNode> json = fetch(url).filter(j -> declares(j, gvk));
      if (json.isPresent()) {
        return Optional.of(new Found(json.get(), url));
      }
    }
    return Optional.empty();
  }

  /** An http(s) URL with at least one placeholder, so a typo is a usage error, not a crash. */
  static String checkTemplate(String option, String template, String example) {
    String sample = template == null ? "" : template.replaceAll("\\{(file|group|kind|version)}", "x");
    URI uri = null;
    try {
      uri = URI.create(sample);
    } catch (IllegalArgumentException e) {
      // reported below
    }
    boolean http = uri != null && uri.getHost() != null
        && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
    if (!http || sample.equals(template)) {
      throw new ValidateException(option + " '" + template + "' is not an http(s) URL template with placeholders; "
          + "write it like https://host/path/" + example + ", or use --schema-dir with a local copy of the schemas.");
    }
    return template;
  }

  /** File names shorten the group; a schema that declares its kinds must declare this one. */
  static boolean declares(JsonNode schema, Gvk gvk) {
    JsonNode gvks = schema.get("x-kubernetes-group-version-kind");
    if (gvks == null) {
      return true;
    }
    for (JsonNode g : gvks.isArray() ? gvks : List.of(gvks)) {
      if (g.path("group").asText().equals(gvk.group()) && g.path("version").asText().equals(gvk.version())
          && g.path("kind").asText().equals(gvk.kind())) {
        return true;
      }
    }
    return false;
  }

  String kubernetesUrl(Gvk gvk) {
    String kind = gvk.kind().toLowerCase(Locale.ROOT);
    String shortGroup = gvk.group().isEmpty() ? "" : gvk.group().split("\\.")[0];
    String file = shortGroup.isEmpty() ? kind + "-" + gvk.version() + ".json" : kind + "-" + shortGroup + "-" + gvk.version() + ".json";
    return kubernetesTemplate.replace("{file}", file).replace("{kind}", kind).replace("{group}", gvk.group())
        .replace("{version}", gvk.version());
  }

  String crdUrl(Gvk gvk) {
    return crdTemplate.replace("{group}", gvk.group()).replace("{kind}", gvk.kind().toLowerCase(Locale.ROOT))
        .replace("{version}", gvk.version());
  }

  private Optional<JsonNode> fetch(String url) {
    Path cached = cacheDir.resolve(key(url) + ".json");
    Path missing = cacheDir.resolve(key(url) + MISSING);
    try {
      if (Files.isRegularFile(cached)) {
        return Optional.of(JSON.readTree(cached.toFile()));
      }
      if (Files.exists(missing)) {
        return Optional.empty();
      }
      Files.createDirectories(cacheDir);
      HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
      HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      if (resp.statusCode() == 404) {
        Files.writeString(missing, url, StandardCharsets.UTF_8);
        return Optional.empty();
      }
      if (resp.statusCode() != 200) {
        throw new ValidateException("fetching schema " + url + " returned HTTP " + resp.statusCode()
            + "; retry later, or use --schema-dir with a local copy of the schemas.");
      }
      JsonNode json = JSON.readTree(resp.body());
      Path tmp = Files.createTempFile(cacheDir, "download", ".tmp");
      Files.write(tmp, resp.body());
      Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return Optional.of(json);
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ValidateException("cannot fetch schema " + url + " (" + why
          + "); check the network, or use --schema-dir with a local copy of the schemas.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ValidateException("interrupted while fetching " + url, e);
    }
  }

  private static String key(String url) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
