package dev.wharf.validate.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.validate.KubeVersion;
import dev.wharf.validate.Rules;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One {@code helm template} run of a chart archive with a release's settings and values, as
 * helm-controller installs it, with a timeout; then the test hooks left out unless the release
 * runs its tests, and its post-renderers applied.
 */
final class HelmTemplate {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Helm helm;
  private final Supplier<Kustomize> kustomize;
  private final Duration timeout;

  /**
   * helm's objects, or why there are none ({@code rule} and {@code message}), and the test
   * hooks left out because the release does not run its tests.
   */
  record Attempt(List<RenderedDoc> docs, String rule, String message, List<String> skippedTests) {
    Attempt(String rule, String message) {
      this(null, rule, message, List.of());
    }
  }

  HelmTemplate(Helm helm, Supplier<Kustomize> kustomize, Duration timeout) {
    this.helm = helm;
    this.kustomize = kustomize;
    this.timeout = timeout;
  }

  Attempt run(Path archive, ReleaseSpec spec, Map<String, Object> values, Set<String> apis) {
    Path work = null;
    try {
      work = Files.createTempDirectory("wharf-helm");
      Path valuesFile = work.resolve("values.json");
      Files.writeString(valuesFile, JSON.writeValueAsString(values), StandardCharsets.UTF_8);
      List<String> cmd = new ArrayList<>(List.of(helm.executable(), "template", spec.releaseName(), archive.toString(),
          "--namespace", spec.namespace(), "--kube-version", KubeVersion.FULL, "--values", valuesFile.toString()));
      if (!apis.isEmpty()) {
        cmd.addAll(List.of("--api-versions", String.join(",", new LinkedHashSet<>(apis))));
      }
      if (spec.includeCrds()) {
        cmd.add("--include-crds");
      }
      if (!spec.hooks()) {
        cmd.add("--no-hooks");
      }
      if (!spec.schemaValidation()) {
        cmd.add("--skip-schema-validation");
      }
      Path out = work.resolve("out.yaml");
      Path err = work.resolve("err.txt");
      int exit = Command.run(cmd, out, err, timeout);
      if (exit == Command.TIMED_OUT) {
        return new Attempt(Rules.HELM_RENDER, "helm template did not finish within " + timeout.toSeconds() + " s");
      }
      if (exit != 0) {
        String msg = HelmMessages.clean(Files.readString(err, StandardCharsets.UTF_8).replace(work + "/", ""));
        return new Attempt(HelmMessages.isSchemaRejection(msg) ? Rules.HELM_VALUES_SCHEMA : Rules.HELM_RENDER, msg);
      }
      if (Files.size(out) > ChartRenderer.MAX_OUTPUT) {
        return new Attempt(Rules.HELM_RENDER, "the rendered output is over " + ChartRenderer.MAX_OUTPUT + " bytes");
      }
      List<RenderedDoc> docs = HelmOutput.parse(Files.readString(out, StandardCharsets.UTF_8), ChartRenderer.MAX_OUTPUT);
      // Test hooks are left out here rather than by helm's --skip-tests, so the note can name them.
      List<String> skipped = spec.tests() ? List.of() : TestHooks.labels(docs);
      docs = spec.tests() ? docs : TestHooks.without(docs);
      if (spec.postRenders()) {
        docs = PostRenderer.apply(docs, spec, spec.postRenderers().isEmpty() ? null : kustomize.get(), timeout);
      }
      return new Attempt(docs, null, null, List.copyOf(skipped));
    } catch (PostRenderer.Failure e) {
      return new Attempt(Rules.HELM_RENDER, "post-rendering (spec.postRenderers) failed: " + e.getMessage());
    } catch (YamlProblem e) {
      return new Attempt(Rules.HELM_RENDER, "helm's output did not load: " + e.getMessage());
    } catch (IOException e) {
      return new Attempt(Rules.HELM_RENDER, "cannot run helm: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Attempt(Rules.HELM_RENDER, "interrupted");
    } finally {
      TempDirs.deleteQuietly(work);
    }
  }
}
