package dev.wharf.validate.tree;

import java.nio.file.Path;
import java.util.List;

/**
 * One YAML file of the tree: its path relative to the root (with '/'), its documents, or the
 * problem that kept it from loading ({@code problem} is then non-null and docs empty).
 */
public record YamlFile(Path path, String relative, List<Object> docs, dev.wharf.validate.Finding problem) {
  public boolean loaded() {
    return problem == null;
  }
}
