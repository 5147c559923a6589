package dev.wharf.validate.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.validate.Yamls;
import dev.wharf.validate.render.Command;
import dev.wharf.validate.render.Kustomize;
import dev.wharf.validate.render.TempDirs;
import dev.wharf.validate.yaml.YamlProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A HelmRelease's post-rendering as helm-controller does it: each {@code postRenderers}
 * kustomize entry (patches, images) applied in order by the real kustomize on a throw-away
 * directory, then {@code commonMetadata} labels and annotations. Hooks go through unless
 * {@code postRenderStrategy: nohooks}.
 */
final class PostRenderer {
  private static final String TEMPLATE = "wharf.dev/helm-template";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Why post-rendering failed, in kustomize's words. */
  static final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }
  }

  private PostRenderer() {}

  static List<RenderedDoc> apply(List<RenderedDoc> docs, ReleaseSpec spec, Kustomize kustomize, Duration timeout)
      throws Failure, IOException, InterruptedException {
    List<RenderedDoc> passed = new ArrayList<>();
    List<RenderedDoc> cur = new ArrayList<>();
    for (RenderedDoc d : docs) {
      (spec.hooksPostRendered() || !isHook(d) ? cur : passed).add(d);
    }
    for (Object pr : spec.postRenderers()) {
      Map<String, Object> k = Yamls.map(Yamls.map(pr).get("kustomize"));
      if (!k.isEmpty()) {
        cur = kustomize(cur, k, kustomize, timeout);
      }
    }
    for (RenderedDoc d : cur) {
      addAll(d.content(), "labels", spec.commonLabels());
      addAll(d.content(), "annotations", spec.commonAnnotations());
    }
    cur.addAll(passed);
    return cur;
  }

  private static List<RenderedDoc> kustomize(List<RenderedDoc> docs, Map<String, Object> spec, Kustomize kustomize, Duration timeout)
      throws Failure, IOException, InterruptedException {
    Path dir = Files.createTempDirectory("wharf-post-render");
    try {
      StringBuilder input = new StringBuilder();
      for (RenderedDoc d : docs) {
        Map<String, Object> copy = new LinkedHashMap<>(d.content());
        Map<String, Object> meta = new LinkedHashMap<>(Yamls.map(copy.get("metadata")));
        Map<String, Object> ann = new LinkedHashMap<>(Yamls.map(meta.get("annotations")));
        ann.put(TEMPLATE, d.template());
        meta.put("annotations", ann);
        copy.put("metadata", meta);
        input.append("---\n").append(json(copy)).append('\n');
      }
      Files.writeString(dir.resolve("helm-output.yaml"), input, StandardCharsets.UTF_8);
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
      k.put("kind", "Kustomization");
      k.put("resources", List.of("helm-output.yaml"));
      if (spec.get("patches") != null) {
        k.put("patches", spec.get("patches"));
      }
      if (spec.get("images") != null) {
        k.put("images", spec.get("images"));
      }
      Files.writeString(dir.resolve("kustomization.yaml"), json(k), StandardCharsets.UTF_8);
      List<String> cmd = new ArrayList<>(kustomize.command());
      cmd.add(dir.toString());
      Path out = dir.resolve("out.yaml");
      Path err = dir.resolve("err.txt");
      int exit = Command.run(cmd, out, err, timeout);
      if (exit != 0) {
        throw new Failure(exit == Command.TIMED_OUT ? "kustomize did not finish within " + timeout.toSeconds() + " s"
            : HelmMessages.clean(Files.readString(err, StandardCharsets.UTF_8).replace(dir + "/", "")));
      }
      List<RenderedDoc> result = new ArrayList<>();
      for (RenderedDoc d : HelmOutput.parse(Files.readString(out, StandardCharsets.UTF_8), ChartRenderer.MAX_OUTPUT)) {
        result.add(new RenderedDoc(d.content(), popTemplate(d.content())));
      }
      return result;
    } catch (YamlProblem e) {
      throw new Failure("kustomize output did not load: " + e.getMessage());
    } finally {
      TempDirs.deleteQuietly(dir);
    }
  }

  @SuppressWarnings("unchecked")
  private static String popTemplate(Map<String, Object> obj) {
    Map<String, Object> meta = Yamls.map(obj.get("metadata"));
    if (!(meta.get("annotations") instanceof Map<?, ?> ann)) {
      return "";
    }
    String template = Yamls.string(((Map<String, Object>) ann).remove(TEMPLATE));
    if (ann.isEmpty()) {
      meta.remove("annotations");
    }
    return template;
  }

  @SuppressWarnings("unchecked")
  private static void addAll(Map<String, Object> obj, String field, Map<String, Object> add) {
    if (add.isEmpty()) {
      return;
    }
    Map<String, Object> meta = new LinkedHashMap<>(Yamls.map(obj.get("metadata")));
    Map<String, Object> target = new LinkedHashMap<>(Yamls.map(meta.get(field)));
    target.putAll(add);
    meta.put(field, target);
    obj.put("metadata", meta);
  }

  private static boolean isHook(RenderedDoc d) {
    return Yamls.map(Yamls.at(d.content(), "metadata", "annotations")).containsKey("helm.sh/hook");
  }

  private static String json(Object o) throws IOException {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IOException("cannot write post-render input: " + e.getOriginalMessage(), e);
    }
  }
}
