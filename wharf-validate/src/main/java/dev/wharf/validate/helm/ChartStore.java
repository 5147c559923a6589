package dev.wharf.validate.helm;

import java.nio.file.Path;

/** Where chart archives come from: a directory given offline, or a cache filled by helm pull. */
public interface ChartStore {

  /** The archive of the chart, or why it cannot be had (and what to do). */
  Lookup locate(ChartRef ref);

  /** {@code archive}, or {@code problem} and {@code fix} when there is none. */
  record Lookup(Path archive, String problem, String fix) {
    static Lookup found(Path archive) {
      return new Lookup(archive, null, null);
    }

    static Lookup missing(String problem, String fix) {
      return new Lookup(null, problem, fix);
    }
  }
}
