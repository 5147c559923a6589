package dev.wharf.validate.helm;

import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Helm test hooks ({@code helm.sh/hook: test}, or Helm 2's {@code test-success}, which helm
 * still reads as a test). helm-controller creates them only to run them, after an install or
 * upgrade of a release with {@code spec.test.enable: true}; otherwise they never reach the
 * cluster, so they are not checked, and a note says so.
 */
final class TestHooks {
  private TestHooks() {}

  static boolean isTest(RenderedDoc doc) {
    Map<String, Object> annotations = Yamls.map(Yamls.map(doc.content().get("metadata")).get("annotations"));
    return Arrays.stream(Yamls.string(annotations.get("helm.sh/hook")).split(","))
        .map(String::strip).anyMatch(e -> e.equals("test") || e.equals("test-success"));
  }

  /** "Kind name" of each test hook among {@code docs}. */
  static List<String> labels(List<RenderedDoc> docs) {
    return docs.stream().filter(TestHooks::isTest)
        .map(d -> Yamls.string(d.content().get("kind")) + " " + Yamls.string(Yamls.map(d.content().get("metadata")).get("name"))).toList();
  }

  static List<RenderedDoc> without(List<RenderedDoc> docs) {
    return docs.stream().filter(d -> !isTest(d)).toList();
  }

  static String note(Resource hr, List<String> skipped) {
    return hr.ref() + ": " + skipped.size() + (skipped.size() == 1 ? " helm test hook" : " helm test hooks") + " not checked ("
        + String.join(", ", skipped) + "): Flux creates and runs them only with spec.test.enable: true";
  }
}
