package dev.wharf.validate.helm;

import java.nio.file.Path;

/**
 * Where charts come from: {@code chartDir} (offline archives) when set, else pulled into
 * {@code chartCache}; {@code helm} is the binary given with --helm (null: helm on PATH).
 */
public record ChartOptions(Path chartDir, Path chartCache, String helm) {}
