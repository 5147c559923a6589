package dev.wharf.validate;

/**
 * The exemption annotation: {@code validate.wharf.dev/exempt-<id>: "<reason>"} exempts one
 * object from one policy (or from an exemptable check, {@link Rules#EXEMPTABLE}). A blank
 * reason exempts nothing.
 */
public final class Exemptions {
  public static final String PREFIX = "validate.wharf.dev/exempt-";

  private Exemptions() {}

  /** True when {@code r} carries a non-blank reason for being exempt from {@code id}. */
  public static boolean exempt(Resource r, String id) {
    return !Yamls.string(r.annotations().get(PREFIX + id)).isBlank();
  }
}
