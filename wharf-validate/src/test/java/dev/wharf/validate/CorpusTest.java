package dev.wharf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus under src/test/resources/corpus: one directory per case, validated on its own.
 * expect.txt lists the findings the case must produce, one "rule [json-path]" per line; the
 * case must produce exactly those rule ids (an empty expect.txt: a clean case), and for a rule
 * listed with paths, findings at exactly those paths. A first line "# max-file-size: N" lowers
 * the file size limit for that case. Cases with HelmReleases render their charts from
 * ../shared/charts with helm on PATH.
 */
class CorpusTest {

  @TestFactory
  Stream<DynamicTest> everyCaseProducesItsExpectedFindings() throws IOException, URISyntaxException {
    return cases().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  @Test
  void corpusHasAtLeastTwentyFiveBrokenCases() throws IOException, URISyntaxException {
    long broken = cases().filter(d -> !read(d).expected().isEmpty()).count();
    assertThat(broken).isGreaterThanOrEqualTo(25);
  }

  private static void check(Path dir) throws IOException {
    Expectation exp = read(dir);
    if (rendersCharts(dir)) {
      TestSupport.helm();
    }
    Report report = new Validator(TestSupport.options(exp.maxFileBytes())).validate(dir);
    String shown = report.findings().stream().map(f -> f.rule() + " " + f.path() + " (" + f.file() + ": " + f.message() + ")")
        .collect(Collectors.joining("\n  "));
    Set<String> expectedRules = exp.expected().stream().map(l -> l.split(" ", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    Set<String> actualRules = report.findings().stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
    assertThat(actualRules).as("rule ids found in %s:%n  %s", dir.getFileName(), shown).isEqualTo(expectedRules);
    for (String rule : expectedRules) {
      List<String> paths = exp.expected().stream().map(l -> l.split(" ", 2)).filter(p -> p[0].equals(rule) && p.length == 2)
          .map(p -> p[1]).sorted().toList();
      if (!paths.isEmpty()) {
        List<String> found = report.findings().stream().filter(f -> f.rule().equals(rule)).map(Finding::path).distinct().sorted().toList();
        assertThat(found).as("paths of the %s findings in %s:%n  %s", rule, dir.getFileName(), shown).isEqualTo(paths);
      }
    }
    for (Finding f : report.findings()) {
      assertThat(f.file()).as("every finding names its file: %s", f).isNotEmpty();
      assertThat(f.fix()).as("every finding says how to fix it: %s", f).isNotEmpty();
    }
  }

  record Expectation(List<String> expected, long maxFileBytes) {}

  private static boolean rendersCharts(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).anyMatch(f -> {
        try {
          return Files.readString(f).contains("kind: HelmRelease");
        } catch (IOException e) {
          return false; // a binary case file
        }
      });
    }
  }

  private static Expectation read(Path dir) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("expect.txt"));
      long max = ValidateOptions.DEFAULT_MAX_FILE_BYTES;
      List<String> expected = new ArrayList<>();
      for (String l : lines) {
        if (l.startsWith("# max-file-size:")) {
          max = Long.parseLong(l.substring("# max-file-size:".length()).strip());
        } else if (!l.isBlank() && !l.startsWith("#")) {
          expected.add(l.strip());
        }
      }
      return new Expectation(expected, max);
    } catch (IOException e) {
      throw new IllegalStateException("every corpus case needs an expect.txt: " + dir, e);
    }
  }

  private static Stream<Path> cases() throws IOException, URISyntaxException {
    Path root = Path.of(Objects.requireNonNull(CorpusTest.class.getResource("/corpus")).toURI());
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory).sorted().toList().stream();
    }
  }
}
