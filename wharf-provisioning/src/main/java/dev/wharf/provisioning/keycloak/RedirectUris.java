package dev.wharf.provisioning.keycloak;

/**
 * The rule for where an app's OIDC client may send users back to, and which origins it allows,
 * stated once for the operator, {@code wharf up} and the App CRD's schema (which applies the
 * same patterns with CEL, so the API server refuses what the operator would). https with any
 * host; http only on the machine itself (localhost, 127.0.0.1, [::1]); an optional port and
 * path; a redirect URI may end in {@code /*} (Keycloak's wildcard) and carry a query, never a
 * {@code #fragment}, user info or another {@code *}. The patterns are RE2 as well as Java
 * regular expressions (CEL's {@code matches} is RE2).
 */
public final class RedirectUris {
  private static final String ORIGIN = "(https://([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+\\])"
      + "|http://(localhost|127\\.0\\.0\\.1|\\[::1\\]))(:[0-9]{1,5})?";

  /** A redirect URI. */
  public static final String REDIRECT_URI_PATTERN = "^" + ORIGIN + "(/[^\\s#*?]*)?(/\\*|\\?[^\\s#*]*)?$";
  /** A web origin (scheme, host and port), or {@code +}: the origins of the redirect URIs. */
  public static final String WEB_ORIGIN_PATTERN = "^(" + ORIGIN + "|\\+)$";
  public static final int MAX_LENGTH = 2000;
  public static final int MAX_ENTRIES = 50;

  /** The App CRD's rules (CEL, on the list field): every entry matches. */
  public static final String REDIRECT_URIS_RULE = "self.all(u, u.matches(r'" + REDIRECT_URI_PATTERN + "'))";
  public static final String WEB_ORIGINS_RULE = "self.all(o, o.matches(r'" + WEB_ORIGIN_PATTERN + "'))";
  /** What to do about an entry that breaks the rule. */
  public static final String REDIRECT_URI_FIX = "use an https URL (http only for localhost, 127.0.0.1 or [::1]),"
      + " optionally ending in /* (no other wildcard, no #fragment), e.g. https://greeter.apps.wharf.example.com/*";
  public static final String WEB_ORIGIN_FIX = "use an origin: https://host[:port] (http only for localhost,"
      + " 127.0.0.1 or [::1]), e.g. https://greeter.apps.wharf.example.com, or +";

  private RedirectUris() {}
}
