package dev.wharf.validate.helm;

import dev.wharf.validate.Yamls;
import dev.wharf.validate.yaml.SafeYaml;
import dev.wharf.validate.yaml.YamlProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a chart archive ({@code helm package} output: a gzipped tar with one top directory)
 * and the subcharts inside it, either unpacked under {@code charts/} or as nested archives.
 * Archives are bounded in size and entry count, since a chart can come from anywhere.
 */
public final class ChartArchive {
  private static final long MAX_BYTES = 256L * 1024 * 1024;
  private static final int MAX_ENTRIES = 50_000;
  private static final int MAX_TEXT = 8 * 1024 * 1024;

  private ChartArchive() {}

  public static Chart read(Path tgz) throws IOException {
    try (InputStream in = Files.newInputStream(tgz)) {
      return read(in, tgz.getFileName().toString());
    }
  }

  static Chart read(InputStream gz, String label) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    long total = 0;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(gz))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.isFile()) {
          continue;
        }
        if (files.size() >= MAX_ENTRIES || e.getSize() > MAX_BYTES || (total += e.getSize()) > MAX_BYTES) {
          throw new IOException(label + " is larger than a chart can be (" + MAX_ENTRIES + " files, " + MAX_BYTES + " bytes)");
        }
        files.put(e.getName(), tar.readAllBytes());
      }
    }
    String top = files.keySet().stream().filter(n -> n.endsWith("/Chart.yaml") && n.indexOf('/') == n.length() - "/Chart.yaml".length())
        .findFirst().map(n -> n.substring(0, n.length() - "Chart.yaml".length()))
        .orElseThrow(() -> new IOException(label + " has no <chart>/Chart.yaml at its top: not a chart archive"));
    return chart(files, top, label);
  }

  /** The chart whose files start with {@code prefix} (ending in '/'). */
  private static Chart chart(Map<String, byte[]> files, String prefix, String label) throws IOException {
    Map<String, Object> meta = load(files.get(prefix + "Chart.yaml"), label + " " + prefix + "Chart.yaml");
    List<String> texts = new ArrayList<>();
    Map<String, Chart> found = new LinkedHashMap<>();
    String charts = prefix + "charts/";
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String name = f.getKey();
      if (!name.startsWith(prefix)) {
        continue;
      }
      if (name.startsWith(charts)) {
        String rest = name.substring(charts.length());
        if (rest.endsWith(".tgz") && rest.indexOf('/') < 0) {
          Chart sub = read(new ByteArrayInputStream(f.getValue()), label + " " + name);
          found.put(sub.name(), sub);
        } else if (rest.endsWith("/Chart.yaml") && rest.indexOf('/') == rest.length() - "/Chart.yaml".length()) {
          Chart sub = chart(files, charts + rest.substring(0, rest.length() - "Chart.yaml".length()), label);
          found.put(sub.name(), sub);
        }
      } else if (f.getValue().length <= MAX_TEXT && !name.endsWith(".tgz") && isText(f.getValue())) {
        texts.add(new String(f.getValue(), StandardCharsets.UTF_8));
      }
    }
    Map<String, Object> values = Map.of();
    String valuesProblem = "";
    if (files.containsKey(prefix + "values.yaml")) {
      try {
        values = load(files.get(prefix + "values.yaml"), label + " " + prefix + "values.yaml");
      } catch (IOException e) {
        valuesProblem = e.getMessage(); // helm's YAML reader is more lenient; only the defaults are unknown
      }
    }
    List<String> conditions = new ArrayList<>();
    Map<String, Chart> subcharts = new LinkedHashMap<>();
    for (Object d : Yamls.list(meta.get("dependencies"))) {
      Map<String, Object> dep = Yamls.map(d);
      for (String c : Yamls.string(dep.get("condition")).split(",")) {
        if (!c.isBlank()) {
          conditions.add(c.strip());
        }
      }
      for (Object tag : Yamls.list(dep.get("tags"))) {
        conditions.add("tags." + tag);
      }
      Chart sub = found.get(Yamls.string(dep.get("name")));
      String alias = Yamls.string(dep.get("alias"));
      if (sub != null) {
        subcharts.put(alias.isEmpty() ? sub.name() : alias, sub);
      }
    }
    for (Chart sub : found.values()) {
      if (!subcharts.containsValue(sub)) {
        subcharts.put(sub.name(), sub); // a chart vendored in charts/ without a dependency entry
      }
    }
    return new Chart(Yamls.string(meta.get("name")), Yamls.string(meta.get("version")), values, valuesProblem, texts, conditions, subcharts);
  }

  private static Map<String, Object> load(byte[] bytes, String what) throws IOException {
    if (bytes == null) {
      throw new IOException(what + " is missing");
    }
    try {
      List<Object> docs = new SafeYaml(MAX_TEXT).loadAll(new String(bytes, StandardCharsets.UTF_8));
      return docs.isEmpty() ? Map.of() : Yamls.map(docs.get(0));
    } catch (YamlProblem e) {
      throw new IOException(what + " does not load: " + e.getMessage(), e);
    }
  }

  private static boolean isText(byte[] b) {
    for (int i = 0; i < Math.min(b.length, 4096); i++) {
      if (b[i] == 0) {
        return false;
      }
    }
    return true;
  }
}
