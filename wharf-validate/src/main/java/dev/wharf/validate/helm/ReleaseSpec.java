package dev.wharf.validate.helm;

import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What helm-controller derives from a HelmRelease for one render: the release name (its
 * GetReleaseName, shortened to 53 characters as release.ShortenName does), the namespace, and
 * the switches that change what is rendered.
 */
public record ReleaseSpec(
    String releaseName,
    String namespace,
    boolean includeCrds,
    boolean tests,
    boolean hooks,
    boolean schemaValidation,
    List<Object> postRenderers,
    boolean hooksPostRendered,
    Map<String, Object> commonLabels,
    Map<String, Object> commonAnnotations) {

  public static ReleaseSpec of(Resource hr) {
    Map<String, Object> spec = hr.spec();
    String target = Yamls.string(spec.get("targetNamespace"));
    String name = Yamls.string(spec.get("releaseName"));
    if (name.isEmpty()) {
      name = target.isEmpty() ? hr.ref().name() : target + "-" + hr.ref().name();
    }
    Map<String, Object> install = Yamls.map(spec.get("install"));
    Map<String, Object> upgrade = Yamls.map(spec.get("upgrade"));
    // CRDs under crds/ are applied on install unless install.crds is Skip (Create is the default).
    boolean crds = !"Skip".equals(install.get("crds"));
    boolean hooks = !(Boolean.TRUE.equals(install.get("disableHooks")) && Boolean.TRUE.equals(upgrade.get("disableHooks")));
    boolean schema = !(Boolean.TRUE.equals(install.get("disableSchemaValidation")) && Boolean.TRUE.equals(upgrade.get("disableSchemaValidation")));
    boolean tests = Boolean.TRUE.equals(Yamls.at(spec, "test", "enable"));
    return new ReleaseSpec(shorten(name), target.isEmpty() ? hr.ref().namespace() : target, crds, tests, hooks, schema,
        Yamls.list(spec.get("postRenderers")), !"nohooks".equals(spec.get("postRenderStrategy")),
        Yamls.map(Yamls.at(spec, "commonMetadata", "labels")), Yamls.map(Yamls.at(spec, "commonMetadata", "annotations")));
  }

  /** helm-controller's release.ShortenName: names over 53 characters keep 40 and a hash. */
  static String shorten(String name) {
    if (name.length() <= 53) {
      return name;
    }
    try {
      byte[] sum = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return name.substring(0, 40) + "-" + HexFormat.of().formatHex(sum).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean postRenders() {
    return !postRenderers.isEmpty() || !commonLabels.isEmpty() || !commonAnnotations.isEmpty();
  }
}
