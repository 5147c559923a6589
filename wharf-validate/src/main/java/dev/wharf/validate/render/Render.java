package dev.wharf.validate.render;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import java.util.List;

/** The outcome of rendering one entry point: its objects, or the finding that says why not. */
public record Render(String entryPoint, List<Resource> resources, Finding failure) {
  public boolean ok() {
    return failure == null;
  }
}
