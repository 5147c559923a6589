package dev.wharf.cli.up;

import dev.wharf.core.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** An env file of KEY=value lines (greeter's credentials), owner-only and written whole. */
final class EnvFile {
  private EnvFile() {}

  /** KEY=value lines, in order. Values are letters, digits and URL characters: no quoting. */
  static void write(Path file, Map<String, String> env) throws IOException {
    StringBuilder out = new StringBuilder();
    env.forEach((k, v) -> {
      if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("env value of " + k + " contains a line break");
      }
      out.append(k).append('=').append(v).append('\n');
    });
    PrivateFiles.write(file, out.toString());
  }

  static Map<String, String> read(Path file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IOException(file + ": expected KEY=value, found a line without '='");
      }
      env.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return env;
  }
}
