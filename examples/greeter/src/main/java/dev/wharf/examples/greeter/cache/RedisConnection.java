package dev.wharf.examples.greeter.cache;

import dev.wharf.examples.greeter.GreeterProperties;
import java.net.URI;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects as greeter's ACL user to the Redis named by REDIS_URL. */
@Configuration(proxyBeanMethods = false)
public class RedisConnection {

  @Bean
  DataRedisConnectionDetails redisConnectionDetails(GreeterProperties props) {
    GreeterProperties.Redis redis = props.redis();
    DataRedisConnectionDetails.Standalone server = parse(redis.url());
    return new DataRedisConnectionDetails() {
      @Override
      public String getUsername() {
        return redis.username();
      }

      @Override
      public String getPassword() {
        return redis.password();
      }

      @Override
      public Standalone getStandalone() {
        return server;
      }
    };
  }

  /** {@code redis://host:port}, the form of REDIS_URL; anything else is refused clearly. */
  static DataRedisConnectionDetails.Standalone parse(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("REDIS_URL is not a URL; expected redis://host:port", e);
    }
    if (!"redis".equals(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
      throw new IllegalArgumentException("REDIS_URL must look like redis://host:port (the user "
          + "and password go in REDIS_USERNAME and REDIS_PASSWORD), got scheme "
          + uri.getScheme() + " and host " + uri.getHost());
    }
    return DataRedisConnectionDetails.Standalone.of(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379);
  }
}
