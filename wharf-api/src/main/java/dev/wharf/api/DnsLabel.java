package dev.wharf.api;

/** The Kubernetes DNS label rule (RFC 1123), shared by the CRD schema and runtime checks. */
public final class DnsLabel {
  public static final String PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  public static final int MAX_LENGTH = 63;

  private DnsLabel() {}

  public static boolean isValid(String value) {
    return value != null && value.length() <= MAX_LENGTH && value.matches(PATTERN);
  }
}
