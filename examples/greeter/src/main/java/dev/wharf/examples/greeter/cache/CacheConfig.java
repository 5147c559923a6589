package dev.wharf.examples.greeter.cache;

import dev.wharf.examples.greeter.GreeterProperties;
import dev.wharf.examples.greeter.data.Greeting;
import java.time.Duration;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * The Redis cache, shaped by greeter's ACL user: every key starts with REDIS_KEY_PREFIX, the
 * writer takes no locks (no extra lock keys), and greeter never clears the cache, since the ACL
 * denies KEYS and SCAN. Should a clear ever run, it uses SCAN and fails with NOPERM rather than
 * blocking the server with KEYS.
 */
@EnableCaching
@Configuration(proxyBeanMethods = false)
public class CacheConfig implements CachingConfigurer {
  static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

  @Bean
  RedisCacheConfiguration redisCacheConfiguration(GreeterProperties props) {
    return RedisCacheConfiguration.defaultCacheConfig()
        .prefixCacheNameWith(props.keyPrefix())
        .entryTtl(TIME_TO_LIVE)
        .disableCachingNullValues()
        .serializeValuesWith(
            SerializationPair.fromSerializer(new JacksonJsonRedisSerializer<>(Greeting.class)));
  }

  @Override
  public CacheErrorHandler errorHandler() {
    return new CacheFailures();
  }

  @Bean
  RedisCacheManagerBuilderCustomizer nonLockingScanWriter(RedisConnectionFactory redis) {
    return builder ->
        builder.cacheWriter(
            RedisCacheWriter.nonLockingRedisCacheWriter(redis, BatchStrategies.scan(100)));
  }
}
