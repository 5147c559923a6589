package dev.wharf.cli.app;

import dev.wharf.cli.UserError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pinned image reference, {@code host/repository:tag} or {@code host/repository@sha256:...},
 * as an overlay's kustomize {@code images:} entry takes it apart.
 */
record ImageRef(String host, String repository, String tag, String digest) {
  private static final Pattern REF = Pattern.compile(
      "([a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]+)?)/([a-z0-9]+([._/-][a-z0-9]+)*)(:([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?"
          + "(@(sha256:[a-f0-9]{64}))?");

  /** Parses {@code ref}; refuses, saying what to write, anything the platform would not run. */
  static ImageRef parse(String ref) {
    Matcher m = REF.matcher(ref);
    if (!m.matches() || !m.group(1).contains(".") && !m.group(1).contains(":")) {
      throw new UserError("--image '" + ref + "' is not an image reference with its registry: write it as"
          + " <registry host>/<project>/<name>:<tag>, for example harbor.wharf.example.com/team-a/shop:1.0.0");
    }
    String tag = m.group(7);
    String digest = m.group(9);
    if (digest == null && (tag == null || tag.equals("latest"))) {
      throw new UserError("--image '" + ref + "' names no fixed version: give a tag other than latest (…:1.0.0) or a"
          + " digest (…@sha256:…), so each environment runs exactly what git says");
    }
    return new ImageRef(m.group(1), m.group(4), digest == null ? tag : null, digest);
  }

  /** {@code host/repository}: the image's name, without tag or digest. */
  String name() {
    return host + "/" + repository;
  }

  /** The same image in another registry (each environment pulls from its own Harbor). */
  ImageRef in(String otherHost) {
    return new ImageRef(otherHost, repository, tag, digest);
  }

  @Override
  public String toString() {
    return name() + (digest != null ? "@" + digest : ":" + tag);
  }
}
