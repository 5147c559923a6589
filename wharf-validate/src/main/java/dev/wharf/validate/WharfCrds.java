package dev.wharf.validate;

import dev.wharf.validate.schema.SchemaStore;
import dev.wharf.validate.yaml.SafeYaml;
import dev.wharf.validate.yaml.YamlProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Wharf's own CRDs, built into the jar from the GitOps tree, so that App objects are validated
 * against the generated CRD even when the tree being checked does not include it. A CRD found
 * in the tree itself is registered afterwards and wins.
 */
final class WharfCrds {
  private static final String[] FILES = {"apps.platform.wharf.dev-v1.yml"};

  private WharfCrds() {}

  static void addTo(SchemaStore store) {
    for (String name : FILES) {
      String resource = "crds/" + name;
      try (InputStream in = WharfCrds.class.getResourceAsStream(resource)) {
        if (in == null) {
          continue; // a build without the GitOps tree beside it
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        for (Object doc : new SafeYaml(10_000_000).loadAll(text)) {
          store.addCrd(Resource.of(Yamls.map(doc), "(built in) " + name, "(built in)"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (YamlProblem e) {
        throw new IllegalStateException("built-in CRD " + name + " is not valid YAML", e);
      }
    }
  }
}
