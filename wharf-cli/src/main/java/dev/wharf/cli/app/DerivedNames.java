package dev.wharf.cli.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names the tree, Flagger and Kubernetes make from an app's name, and the longest each may
 * be: an app's name is refused up front when one of them would not fit, instead of failing in
 * the cluster. (The operator's own names, such as {@code <app>-platform}, are DNS subdomains
 * and fit any app name that fits these.)
 */
final class DerivedNames {
  /** A Kubernetes DNS label (Service names, label values) is at most this long. */
  static final int LABEL_MAX = 63;
  /** Suffixes of names derived from another app's name: an app named so would collide with them. */
  static final List<String> RESERVED_SUFFIXES = List.of("-primary", "-canary", "-headless");

  /** One derived name: what it is and how long it may be. */
  record Derived(String what, String name, int length) {
    boolean fits() {
      return length <= LABEL_MAX;
    }
  }

  private DerivedNames() {}

  static List<Derived> of(String app, Base base, boolean progressiveDelivery) {
    List<Derived> out = new ArrayList<>();
    out.add(new Derived("the Service", app, app.length()));
    if (base == Base.STATEFUL_SERVICE) {
      out.add(new Derived("the headless Service", app + "-headless", app.length() + "-headless".length()));
      // The StatefulSet's pods are labelled controller-revision-hash: <app>-<10-character hash>.
      out.add(new Derived("the StatefulSet's revision label", app + "-<hash>", app.length() + 11));
    }
    if (progressiveDelivery) {
      out.add(new Derived("Flagger's Service", app + "-primary", app.length() + "-primary".length()));
      out.add(new Derived("Flagger's Service", app + "-canary", app.length() + "-canary".length()));
    }
    return out;
  }

  /** The first derived name that does not fit, if any. */
  static Optional<Derived> tooLong(String app, Base base, boolean progressiveDelivery) {
    return of(app, base, progressiveDelivery).stream().filter(d -> !d.fits()).findFirst();
  }

  /** The longest app name whose derived names all fit. */
  static int maxLength(Base base, boolean progressiveDelivery) {
    return of("", base, progressiveDelivery).stream().mapToInt(d -> LABEL_MAX - d.length()).min().orElse(LABEL_MAX);
  }
}
