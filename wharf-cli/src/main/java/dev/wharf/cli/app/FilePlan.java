package dev.wharf.cli.app;

import dev.wharf.cli.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * New files and edited files under a tree root, written all or nothing: new files never
 * replace one that exists, edited files are replaced whole (through a file beside them), and a
 * failure part way removes what was created and puts the edited files back.
 */
final class FilePlan {
  private final Path root;
  private final Map<String, String> created = new LinkedHashMap<>();
  private final Map<String, String[]> edited = new LinkedHashMap<>();

  FilePlan(Path root) {
    this.root = root;
  }

  void create(String relative, String content) {
    created.put(relative, content);
  }

  void edit(String relative, String before, String after) {
    edited.put(relative, new String[] {before, after});
  }

  void apply() {
    Deque<Path> made = new ArrayDeque<>();
    Map<Path, String> replaced = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> f : created.entrySet()) {
        Path path = root.resolve(f.getKey());
        createDirectories(path.getParent(), made);
        Files.writeString(path, f.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        made.push(path);
      }
      for (Map.Entry<String, String[]> f : edited.entrySet()) {
        Path path = root.resolve(f.getKey());
        if (!Files.readString(path, StandardCharsets.UTF_8).equals(f.getValue()[0])) {
          throw new UserError(f.getKey() + " changed while the app was being added: run the command again");
        }
        Path next = path.resolveSibling(path.getFileName() + ".wharf-new");
        Files.writeString(next, f.getValue()[1], StandardCharsets.UTF_8);
        Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        replaced.put(path, f.getValue()[0]);
      }
    } catch (IOException | UserError e) {
      undo(made, replaced);
      if (e instanceof UserError u) {
        throw u;
      }
      String what = e instanceof FileAlreadyExistsException ? e.getMessage() + " already exists" : e.toString();
      throw new UserError("could not write the app (" + what + "); what was written is removed again (git status"
          + " shows anything left)", 1);
    }
  }

  private void createDirectories(Path dir, Deque<Path> made) throws IOException {
    if (dir == null || Files.isDirectory(dir)) {
      return;
    }
    createDirectories(dir.getParent(), made);
    Files.createDirectory(dir);
    made.push(dir);
  }

  private static void undo(Deque<Path> made, Map<Path, String> replaced) {
    for (Map.Entry<Path, String> f : replaced.entrySet()) {
      try {
        Files.writeString(f.getKey(), f.getValue(), StandardCharsets.UTF_8);
      } catch (IOException ignored) {
        // best effort: the message tells the user to check git status
      }
    }
    while (!made.isEmpty()) {
      try {
        Files.deleteIfExists(made.pop());
      } catch (IOException ignored) {
        // a directory someone else wrote into stays
      }
    }
  }
}
