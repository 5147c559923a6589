package dev.wharf.validate.render;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Rules;
import dev.wharf.validate.Yamls;
import dev.wharf.validate.tree.TreeScanner;
import dev.wharf.validate.yaml.SafeYaml;
import dev.wharf.validate.yaml.YamlProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders entry-point kustomizations in parallel (a bounded pool), each with a timeout. Each
 * render goes through a throw-away wrapper kustomization that turns on kustomize's origin
 * annotations, so every rendered object can name the file it came from; the annotation is
 * removed again before validation.
 */
public final class Renderer {
  static final String ORIGIN = "config.kubernetes.io/origin";
  private static final int MAX_RENDER_CHARS = 256 * 1024 * 1024;
  private static final String FIX = "Run '%s' to see the full error, fix the kustomization or the files it names, and run wharf validate again.";

  private final Kustomize kustomize;
  private final Duration timeout;
  private final int parallelism;

  public Renderer(Kustomize kustomize, Duration timeout, int parallelism) {
    this.kustomize = kustomize;
    this.timeout = timeout;
    this.parallelism = Math.max(1, parallelism);
  }

  /** Renders every entry point; results in the order given. */
  public List<Render> renderAll(Path root, List<Path> entryPoints) {
    if (entryPoints.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, entryPoints.size()), r -> {
      Thread t = new Thread(r, "wharf-render");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Render>> futures = new ArrayList<>();
      for (Path e : entryPoints) {
        futures.add(pool.submit(() -> render(root, e)));
      }
      List<Render> out = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        out.add(await(futures.get(i), root, entryPoints.get(i)));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private Render await(Future<Render> f, Path root, Path entry) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(root, entry, "interrupted");
    } catch (ExecutionException e) {
      return failed(root, entry, "kustomize could not run: " + e.getCause());
    }
  }

  /** Renders one kustomization directory. */
  public Render render(Path root, Path entry) {
    Path wrapper = null;
    try {
      wrapper = Files.createTempDirectory("wharf-render");
      Path target = wrapper.relativize(entry.toAbsolutePath().normalize());
      Files.writeString(wrapper.resolve("kustomization.yaml"),
          "resources:\n- " + quote(target.toString()) + "\nbuildMetadata: [originAnnotations]\n", StandardCharsets.UTF_8);
      Path out = wrapper.resolve("out.yaml");
      Path err = wrapper.resolve("err.txt");
      List<String> cmd = new ArrayList<>(kustomize.command());
      cmd.add(wrapper.toString());
      int exit = Command.run(cmd, out, err, timeout);
      if (exit == Command.TIMED_OUT) {
        return failed(root, entry, "kustomize did not finish within " + timeout.toSeconds() + " s (a remote base that hangs? a huge generator?)");
      }
      if (exit != 0) {
        String entryDir = TreeScanner.relative(root, entry);
        return failed(root, entry, "kustomize build failed: " + cleanError(Files.readString(err), target.toString(), entryDir, root, wrapper));
      }
      if (Files.size(out) > MAX_RENDER_CHARS) {
        return failed(root, entry, "rendered output is over " + MAX_RENDER_CHARS + " bytes");
      }
      List<Object> docs = new SafeYaml(MAX_RENDER_CHARS).loadAll(Files.readString(out, StandardCharsets.UTF_8));
      String entryFile = TreeScanner.relative(root, TreeScanner.kustomizationFile(entry));
      List<Resource> resources = new ArrayList<>();
      for (Object doc : docs) {
        Map<String, Object> obj = Yamls.map(doc);
        String file = originFile(obj, root, wrapper, entryFile);
        resources.add(Resource.of(obj, file, entryFile));
      }
      return new Render(entryFile, resources, null);
    } catch (YamlProblem e) {
      return failed(root, entry, "kustomize output did not load: " + e.getMessage());
    } catch (IOException e) {
      return failed(root, entry, "cannot run kustomize: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(root, entry, "interrupted");
    } finally {
      TempDirs.deleteQuietly(wrapper);
    }
  }

  /** The origin annotation's file (relative to root), removing the annotation from the object. */
  @SuppressWarnings("unchecked")
  private static String originFile(Map<String, Object> obj, Path root, Path wrapper, String fallback) {
    Map<String, Object> meta = Yamls.map(obj.get("metadata"));
    Object annotations = meta.get("annotations");
    if (!(annotations instanceof Map<?, ?> a) || !(a.get(ORIGIN) instanceof String origin)) {
      return fallback;
    }
    ((Map<String, Object>) a).remove(ORIGIN);
    if (a.isEmpty()) {
      meta.remove("annotations");
    }
    for (String line : origin.split("\n")) {
      String l = line.strip();
      for (String key : List.of("path:", "configuredIn:")) {
        if (l.startsWith(key)) {
          String rel = l.substring(key.length()).strip();
          if (rel.contains("://") || rel.startsWith("github.com/")) {
            return rel;
          }
          return TreeScanner.relative(root, wrapper.resolve(rel).normalize());
        }
      }
    }
    return fallback;
  }

  private Render failed(Path root, Path entry, String message) {
    String rel = TreeScanner.relative(root, TreeScanner.kustomizationFile(entry));
    String how = String.join(" ", kustomize.command()) + " " + TreeScanner.relative(root, entry);
    return new Render(rel, List.of(), Finding.ofFile(Rules.RENDER, rel, message, String.format(FIX, how)));
  }

  /**
   * kustomize's error without klog prefixes and without the layer the wrapper adds, with
   * tree-relative paths.
   */
  static String cleanError(String err, String target, String entryRel, Path root, Path wrapper) {
    String s = err.strip().replace(target, entryRel).replace(wrapper.toString() + "/", "").replace(root.toString() + "/", "");
    s = s.replaceAll("(?m)^E\\d{4} [0-9:.]+\\s+\\d+ [a-z_.]+:\\d+\\] ", "").replaceAll("\\s*\\n\\s*", "; ");
    // kubectl quotes a one-line error (err="...") and wraps a multi-line one in err=< ... >.
    s = s.replaceFirst("^\"command failed\" err=\"(.*)\"$", "$1").replaceFirst("^\"command failed\" err=<; (.*?)(; )?>$", "$1")
        .replaceFirst("^Error: ", "").replace("; : ", ": ");
    String wrapperLayer = "accumulating resources: accumulation err='accumulating resources from '" + entryRel + "': '" + entryRel
        + "' must resolve to a file': ";
    if (s.startsWith(wrapperLayer)) {
      s = s.substring(wrapperLayer.length());
      s = s.replaceFirst("^(recursed accumulation of path|couldn't make target for path) '[^']*': ", "");
    }
    if (s.isEmpty()) {
      s = "no error output";
    }
    return s.length() > 600 ? s.substring(0, 600) + "..." : s;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
