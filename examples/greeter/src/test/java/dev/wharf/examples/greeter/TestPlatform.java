package dev.wharf.examples.greeter;

import dev.wharf.core.AppRef;
import dev.wharf.core.KeyPrefix;
import dev.wharf.core.MySqlPrivileges;
import dev.wharf.core.Names;
import dev.wharf.core.Secret;
import dev.wharf.local.LocalRuntime;
import dev.wharf.local.Service;
import dev.wharf.local.SharedRuntime;
import dev.wharf.provisioning.Writes;
import dev.wharf.provisioning.mysql.MySqlProvisioner;
import dev.wharf.provisioning.redis.RedisProvisioner;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Greeter's platform env for a test, as the operator's Secret gives it in a cluster: a MySQL
 * database and user and a Redis ACL user on this JVM's shared local servers, with new
 * passwords, and the OIDC keys pointing at {@code issuer}.
 */
record TestPlatform(Secret mysqlPassword, Secret redisPassword) {

  static TestPlatform provision(AppRef app, KeyPrefix prefix, Supplier<String> issuer, DynamicPropertyRegistry env) {
    LocalRuntime runtime = SharedRuntime.get(Service.MYSQL, Service.REDIS);
    TestPlatform platform;
    try (var mysql = new MySqlProvisioner(runtime.mysql(), new Writes()); var redis = redis(runtime)) {
      mysql.ensure(app, MySqlPrivileges.READ_WRITE);
      redis.ensure(app, prefix);
      platform = new TestPlatform(mysql.rotate(app).secret().orElseThrow(), redis.rotate(app).secret().orElseThrow());
      env.add("MYSQL_URL", () -> mysql.jdbcUrl(app));
      env.add("REDIS_URL", redis::url);
    }
    env.add("MYSQL_USERNAME", () -> Names.mysqlUser(app));
    env.add("MYSQL_PASSWORD", platform.mysqlPassword()::reveal);
    env.add("REDIS_USERNAME", () -> Names.redisUser(app));
    env.add("REDIS_PASSWORD", platform.redisPassword()::reveal);
    env.add("REDIS_KEY_PREFIX", prefix::value);
    env.add("OIDC_ISSUER_URI", issuer::get);
    env.add("OIDC_CLIENT_ID", () -> Names.keycloakClientId(app));
    return platform;
  }

  /** A Redis provisioner on the runtime's Redis (close it). */
  static RedisProvisioner redis(LocalRuntime runtime) {
    return new RedisProvisioner(runtime.redis(), new Writes());
  }
}
