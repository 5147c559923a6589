package dev.wharf.validate.tree;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scan found: every YAML file, the kustomizations to render (entry points: not
 * included by another kustomization, not components), the files each entry point reaches,
 * and the plain files that no kustomization includes.
 */
public record Tree(
    Path root,
    Map<Path, YamlFile> files,
    Map<Path, Set<Path>> reach,
    List<Path> plainFiles) {

  /** The kustomizations to render, in the order they were found. */
  public List<Path> entryPoints() {
    return List.copyOf(reach.keySet());
  }

  public String relative(Path p) {
    return TreeScanner.relative(root, p);
  }
}
