package dev.wharf.operator.reconcile;

import dev.wharf.api.ProvisionedNames;
import dev.wharf.core.PlatformKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the capability steps' results become the App's OpenBao entry and status.provisioned.
 * Model code: no I/O.
 */
final class StoredEntry {
  private StoredEntry() {}

  /**
   * The entry to store: what was stored, with each provided capability's credentials (and,
   * when a rotation is pending, the record that they are renewed for it) written over it, and
   * the keys of revoked capabilities, with their rotation records, removed. A failed capability
   * keeps what was stored, so its app keeps working credentials while its server is down.
   */
  static Map<String, String> merge(Map<String, String> stored, List<CapabilityOutcome> outcomes,
      Optional<String> rotation) {
    Map<String, String> entry = new LinkedHashMap<>(stored);
    for (CapabilityOutcome outcome : outcomes) {
      switch (outcome) {
        case CapabilityOutcome.Provided p -> {
          entry.putAll(p.grant().entries());
          rotation.ifPresent(value -> entry.put(PlatformKeys.rotated(p.grant().secretKey()), value));
        }
        case CapabilityOutcome.Disabled d when d.revoked() -> d.step().keys().forEach(key -> {
          entry.remove(key);
          entry.remove(PlatformKeys.rotated(key));
        });
        default -> { }
      }
    }
    return entry;
  }

  /** status.provisioned: the names of what was provided, and where the entry is. */
  static ProvisionedNames names(List<CapabilityOutcome> outcomes, String openBaoPath) {
    ProvisionedNames names = new ProvisionedNames();
    for (CapabilityOutcome outcome : outcomes) {
      if (outcome instanceof CapabilityOutcome.Provided p) {
        p.grant().nameIn(names);
      }
    }
    names.setOpenBaoPath(openBaoPath);
    return names;
  }
}
