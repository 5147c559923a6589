package dev.wharf.cli.up;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Files only the user may read (0600), written whole or not at all. */
final class PrivateFiles {
  private PrivateFiles() {}

  static void write(Path file, String content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** KEY=value lines, in order. Values are letters, digits and URL characters: no quoting. */
  static void writeEnv(Path file, Map<String, String> env) throws IOException {
    StringBuilder out = new StringBuilder();
    env.forEach((k, v) -> {
      if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("env value of " + k + " contains a line break");
      }
      out.append(k).append('=').append(v).append('\n');
    });
    write(file, out.toString());
  }

  static Map<String, String> readEnv(Path file) throws IOException {
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
