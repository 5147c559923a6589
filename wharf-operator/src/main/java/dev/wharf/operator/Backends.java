package dev.wharf.operator;

import dev.wharf.operator.harbor.HarborClient;
import dev.wharf.operator.openbao.OpenBaoClient;
import dev.wharf.provisioning.AppProvisioning;
import dev.wharf.provisioning.Writes;

/** The clients of the platform services the operator provisions on. */
public record Backends(AppProvisioning provisioning, OpenBaoClient openBao, HarborClient harbor, Writes provisioningWrites)
    implements AutoCloseable {

  /** Writes sent to MySQL, Redis, Keycloak, OpenBao and Harbor since start. */
  public long externalWrites() {
    return provisioningWrites.count() + openBao.writes() + harbor.writes();
  }

  @Override
  public void close() {
    provisioning.close();
  }
}
