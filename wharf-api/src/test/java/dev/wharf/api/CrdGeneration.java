package dev.wharf.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Generates the App CRD from the Java types with fabric8's CRD generator (the build runs it in
 * process-test-classes, into the directory given as the first argument). The generator sorts
 * printer columns by their JSON path; kubectl shows them in the CRD's order, so they are put
 * back in the order App declares them.
 */
public final class CrdGeneration {
  private CrdGeneration() {}

  public static void main(String[] args) throws java.io.IOException {
    java.nio.file.Files.createDirectories(java.nio.file.Path.of(args[0]));
    new CRDGenerator().customResourceClasses(App.class).withPostProcessor(new DeclaredColumnOrder())
        .withParallelGenerationEnabled(false).inOutputDir(new File(args[0])).detailedGenerate();
  }

  /** Printer columns in the order of App's {@link AdditionalPrinterColumn} annotations. */
  static final class DeclaredColumnOrder implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      List<String> declared = Arrays.stream(App.class.getAnnotationsByType(AdditionalPrinterColumn.class))
          .map(AdditionalPrinterColumn::name).toList();
      ((CustomResourceDefinition) crd).getSpec().getVersions().forEach(v -> v.getAdditionalPrinterColumns()
          .sort(Comparator.comparingInt((CustomResourceColumnDefinition c) -> declared.indexOf(c.getName()))));
      return crd;
    }
  }
}
