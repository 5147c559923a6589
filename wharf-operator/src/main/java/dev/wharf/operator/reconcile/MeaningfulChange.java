package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Which App updates start a reconcile: a spec change (generation), any annotation change (the
 * rotate annotation, or platform.wharf.dev/resync to force a resync), finalizers, deletion.
 * The operator's own status writes change none of these, so they do not cause a second pass.
 */
public class MeaningfulChange implements OnUpdateFilter<App> {
  @Override
  public boolean accept(App newApp, App oldApp) {
    var n = newApp.getMetadata();
    var o = oldApp.getMetadata();
    return !Objects.equals(n.getGeneration(), o.getGeneration())
        || !Objects.equals(n.getAnnotations(), o.getAnnotations())
        || !Objects.equals(n.getFinalizers(), o.getFinalizers())
        || newApp.isMarkedForDeletion();
  }
}
