package dev.wharf.validate.helm;

import dev.wharf.validate.Yamls;
import dev.wharf.validate.yaml.SafeYaml;
import dev.wharf.validate.yaml.YamlProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits {@code helm template} output into objects, keeping each one's "# Source:" template. */
final class HelmOutput {
  private static final String SOURCE = "# Source: ";

  private HelmOutput() {}

  static List<RenderedDoc> parse(String text, int maxChars) throws YamlProblem {
    List<RenderedDoc> out = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    String template = "";
    for (String line : text.split("\n", -1)) {
      if (line.stripTrailing().equals("---")) {
        add(chunk.toString(), template, maxChars, out);
        chunk.setLength(0);
        template = "";
        continue;
      }
      if (template.isEmpty() && line.startsWith(SOURCE)) {
        template = line.substring(SOURCE.length()).strip();
      }
      chunk.append(line).append('\n');
    }
    add(chunk.toString(), template, maxChars, out);
    return out;
  }

  private static void add(String chunk, String template, int maxChars, List<RenderedDoc> out) throws YamlProblem {
    if (chunk.isBlank()) {
      return;
    }
    for (Object doc : new SafeYaml(maxChars).loadAll(chunk)) {
      Map<String, Object> obj = Yamls.map(doc);
      if (Yamls.string(obj.get("kind")).endsWith("List") && obj.get("items") instanceof List<?> items) {
        // helm's client applies the items of a List one by one
        for (Object item : items) {
          out.add(new RenderedDoc(Yamls.map(item), template));
        }
      } else if (!obj.isEmpty()) {
        out.add(new RenderedDoc(obj, template));
      }
    }
  }
}
