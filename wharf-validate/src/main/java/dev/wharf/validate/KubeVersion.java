package dev.wharf.validate;

/**
 * The Kubernetes version trees are validated for: the schemas, helm's
 * {@code .Capabilities.KubeVersion} and the Pod Security Standards level "latest".
 */
public final class KubeVersion {
  public static final int MINOR = 34;
  public static final String FULL = "v1." + MINOR + ".0";

  private KubeVersion() {}
}
