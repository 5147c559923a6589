package dev.wharf.operator.openbao;

import java.util.function.Supplier;

/** An OpenBao token that can be got again after OpenBao refused it (revoked, or expired early). */
public interface OpenBaoToken extends Supplier<String> {
  /** OpenBao answered 403 to {@code used}: forget it, so that the next {@link #get} logs in again. */
  void refused(String used);
}
