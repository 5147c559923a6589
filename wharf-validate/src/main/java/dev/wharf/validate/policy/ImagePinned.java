package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.function.Consumer;

/** image-pinned: every container image names a tag (not latest) or a digest. */
final class ImagePinned implements Policy {
  static final String ID = "image-pinned";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "container images carry a version tag (not 'latest') or a digest";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    for (PodSpecs.Container c : PodSpecs.containers(r)) {
      String image = Yamls.string(c.spec().get("image"));
      if (image.isEmpty() || hasDigest(image)) {
        continue; // a missing image is the schema's business
      }
      String tag = tagOf(image);
      if (tag == null || tag.isEmpty() || tag.equals("latest")) {
        out.accept(r.finding(ID, c.path() + ".image",
            "container '" + c.name() + "' image " + image + (tag == null || tag.isEmpty() ? " has no tag" : " uses the 'latest' tag") + ", so what runs can change without a commit",
            "Pin the image to a version tag or a digest, for example " + stripTag(image) + ":1.2.3 or " + stripTag(image) + "@sha256:<digest>."));
      }
    }
  }

  /** A digest of any algorithm ({@code @sha256:...}, {@code @sha512:...}) pins the image. */
  static boolean hasDigest(String image) {
    int at = image.lastIndexOf('@');
    return at > 0 && image.indexOf(':', at) > at + 1 && image.indexOf(':', at) < image.length() - 1;
  }

  /** The tag of an image reference, or null; a ':' before the last '/' is a registry port. */
  static String tagOf(String image) {
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    return colon > slash ? image.substring(colon + 1) : null;
  }

  static String stripTag(String image) {
    return tagOf(image) == null ? image : image.substring(0, image.lastIndexOf(':'));
  }
}
