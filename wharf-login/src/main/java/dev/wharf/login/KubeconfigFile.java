package dev.wharf.login;

import dev.wharf.core.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads, merges and writes a kubeconfig file the way kubectl picks it: an explicit path, else
 * the first KUBECONFIG file that already has the context, else KUBECONFIG's first file, else
 * ~/.kube/config. Writes go through a temporary file and keep the file's permissions.
 */
public final class KubeconfigFile {

  private KubeconfigFile() {}

  /** The file to write for {@code contextName}. */
  public static Path choose(String explicit, Map<String, String> env, String userHome,
      String contextName) {
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath();
    }
    String kubeconfig = env.get("KUBECONFIG");
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      List<Path> paths = new ArrayList<>();
      for (String p : kubeconfig.split(java.io.File.pathSeparator)) {
        if (!p.isBlank()) {
          paths.add(Path.of(p).toAbsolutePath());
        }
      }
      for (Path p : paths) {
        if (Files.isRegularFile(p) && hasContext(load(p), contextName)) {
          return p;
        }
      }
      if (!paths.isEmpty()) {
        return paths.get(0);
      }
    }
    return Path.of(userHome, ".kube", "config");
  }

  /** Merges {@code entry} into {@code file}, creating the file (mode 0600) if needed. */
  public static KubeconfigMerge.Outcome merge(Path file, KubeconfigEntry entry) {
    Map<String, Object> doc = Files.exists(file) ? load(file) : new LinkedHashMap<>();
    KubeconfigMerge.Outcome outcome = KubeconfigMerge.merge(doc, entry);
    write(file, doc);
    return outcome;
  }

  /**
   * Checks that {@code entry} could be merged into {@code file} (readable, a kubeconfig whose
   * lists are lists), without writing anything: run before sign-in.
   */
  public static void check(Path file, KubeconfigEntry entry) {
    if (Files.exists(file)) {
      KubeconfigMerge.merge(load(file), entry);
    }
  }

  static Map<String, Object> load(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
      if (doc == null) {
        return new LinkedHashMap<>();
      }
      if (!(doc instanceof Map<?, ?>)) {
        throw unreadable(file, "it is not a YAML mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) doc;
      return map;
    } catch (IOException e) {
      throw unreadable(file, e.getMessage());
    } catch (YAMLException e) {
      throw unreadable(file, "it is not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  static String dump(Map<String, Object> doc) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(200);
    return new Yaml(new Representer(options), options).dump(doc);
  }

  private static void write(Path file, Map<String, Object> doc) {
    try {
      // A kubeconfig the user shares on purpose keeps its mode; a new one is owner-only.
      PrivateFiles.writeKeepingMode(file, dump(doc).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new LoginException(LoginException.Reason.KUBECONFIG,
          "cannot write the kubeconfig " + file + ": " + e.getMessage()
              + ". Pass a writable file with --kubeconfig.", e);
    }
  }

  private static boolean hasContext(Map<String, Object> doc, String name) {
    return doc.get("contexts") instanceof List<?> contexts
        && contexts.stream().anyMatch(c -> c instanceof Map<?, ?> m && name.equals(m.get("name")));
  }

  private static LoginException unreadable(Path file, String why) {
    return new LoginException(LoginException.Reason.KUBECONFIG,
        "cannot read the kubeconfig " + file + " (" + why + "). Fix it, or write to another"
            + " file with --kubeconfig; it was left unchanged.");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
