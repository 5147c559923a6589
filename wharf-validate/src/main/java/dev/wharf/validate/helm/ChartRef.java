package dev.wharf.validate.helm;

/**
 * A chart as a HelmRelease's source names it. {@code repository} is the HelmRepository URL
 * (an index over HTTP) or, for OCI, the full reference of the chart without tag
 * ({@code oci://host/path/<chart>}). {@code version} is the version, constraint or tag Flux
 * resolves; {@code tag} says it is an OCI tag, matched exactly rather than as a constraint;
 * {@code digest} pins an OCI artifact. {@code source} describes the source object for
 * messages, {@code path} is the JSON path in the HelmRelease that names the version.
 */
public record ChartRef(String name, String version, boolean tag, String digest, String repository, boolean oci, String source, String path) {

  /** How to fetch it by hand, for fixes. */
  public String pullCommand() {
    if (oci) {
      return "helm pull " + repository + (digest.isEmpty() ? " --version " + version : "@" + digest);
    }
    return "helm pull " + name + " --repo " + repository + " --version " + version;
  }

  public String label() {
    return name + " " + (digest.isEmpty() ? version : digest);
  }
}
