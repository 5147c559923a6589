package dev.wharf.examples.greeter.cache;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Redis health by PING, which any ACL user may run. Spring's own indicator runs INFO, which a
 * platform may or may not allow an app user, so it is switched off in application.yaml.
 */
@Component("redisHealthIndicator")
class RedisPingHealthIndicator extends AbstractHealthIndicator {
  private final RedisConnectionFactory redis;

  RedisPingHealthIndicator(RedisConnectionFactory redis) {
    super("Redis ping failed");
    this.redis = redis;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    try (RedisConnection connection = redis.getConnection()) {
      String pong = connection.ping();
      builder.status("PONG".equalsIgnoreCase(pong) ? "UP" : "DOWN");
    }
  }
}
