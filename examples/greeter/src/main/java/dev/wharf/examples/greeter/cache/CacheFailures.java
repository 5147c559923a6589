package dev.wharf.examples.greeter.cache;

import dev.wharf.examples.greeter.failure.DependencyUnavailableException;
import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheErrorHandler;

/**
 * Every Redis call greeter makes goes through the cache; a failure there says it was Redis,
 * so the API answers 503 naming Redis rather than a generic 500.
 */
class CacheFailures implements CacheErrorHandler {
  static final String DEPENDENCY = "Redis";

  @Override
  public void handleCacheGetError(RuntimeException e, Cache cache, Object key) {
    throw new DependencyUnavailableException(DEPENDENCY, e);
  }

  @Override
  public void handleCachePutError(RuntimeException e, Cache cache, Object key, Object value) {
    throw new DependencyUnavailableException(DEPENDENCY, e);
  }

  @Override
  public void handleCacheEvictError(RuntimeException e, Cache cache, Object key) {
    throw new DependencyUnavailableException(DEPENDENCY, e);
  }

  @Override
  public void handleCacheClearError(RuntimeException e, Cache cache) {
    throw new DependencyUnavailableException(DEPENDENCY, e);
  }
}
