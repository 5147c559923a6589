package dev.wharf.validate;

import dev.wharf.validate.helm.ChartOptions;
import dev.wharf.validate.policy.Policy;
import dev.wharf.validate.policy.PolicySettings;
import dev.wharf.validate.schema.SchemaSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything one validation run needs. {@code allowKinds} holds kinds ("Kind") or
 * group-qualified kinds ("group/Kind") that may have no schema; {@code charts} says where
 * HelmRelease charts and helm come from.
 */
public record ValidateOptions(
    List<SchemaSource> schemaSources,
    List<Policy> policies,
    PolicySettings policySettings,
    Set<String> allowKinds,
    boolean ignoreMissingSchemas,
    String kustomize,
    ChartOptions charts,
    int parallelism,
    Duration renderTimeout,
    long maxFileBytes) {

  public static final long DEFAULT_MAX_FILE_BYTES = 4L * 1024 * 1024;
  public static final Duration DEFAULT_RENDER_TIMEOUT = Duration.ofSeconds(60);

  public static int defaultParallelism() {
    return Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2));
  }
}
