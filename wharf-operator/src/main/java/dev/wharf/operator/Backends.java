package dev.wharf.operator;

import dev.wharf.operator.harbor.HarborClient;
import dev.wharf.operator.openbao.OpenBaoClient;
import dev.wharf.operator.reconcile.KeycloakOidcClients;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.redis.RedisProvisioner;

/** The clients of the platform services the operator provisions on. */
public record Backends(MySqlProvisioner mysql, RedisProvisioner redis, KeycloakOidcClients oidc,
                       OpenBaoClient openBao, HarborClient harbor, Writes provisioningWrites) implements AutoCloseable {

  /** Writes sent to MySQL, Redis, Keycloak, OpenBao and Harbor since start. */
  public long externalWrites() {
    return provisioningWrites.count() + openBao.writes() + harbor.writes();
  }

  @Override
  public void close() {
    mysql.close();
    redis.close();
    oidc.close();
  }
}
