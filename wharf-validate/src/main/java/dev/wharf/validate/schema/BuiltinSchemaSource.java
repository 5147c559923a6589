package dev.wharf.validate.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Schemas Wharf ships itself, used only when no other source has the kind: the
 * CustomResourceDefinition schema (missing from some offline schema sets), so that CRDs in a
 * tree - such as Wharf's own App CRD - are checked too.
 */
public final class BuiltinSchemaSource implements SchemaSource {
  private static final Gvk CRD = new Gvk("apiextensions.k8s.io", "v1", "CustomResourceDefinition");
  private static final String RESOURCE = "customresourcedefinition-apiextensions-v1.json";

  @Override
  public Optional<Found> find(Gvk gvk) {
    if (!CRD.equals(gvk)) {
      return Optional.empty();
    }
    try (InputStream in = BuiltinSchemaSource.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new Found(new ObjectMapper().readTree(in), "built-in " + RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
