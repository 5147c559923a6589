package dev.wharf.examples.greeter.data;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/** Creates greetings and reads them back, single reads through the Redis cache. */
@Service
public class GreetingService {
  /** The cache name; with the key prefix a key reads e.g. {@code greeter:greetings::42}. */
  public static final String CACHE = "greetings";

  private static final Logger LOG = LoggerFactory.getLogger(GreetingService.class);

  private final GreetingRepository repository;
  private final Clock clock;

  public GreetingService(GreetingRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public Greeting create(String name, String createdBy) {
    // Milliseconds: what the column keeps, so the answer to create equals every later read.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Greeting created = repository.insert(name, "Hello, " + name + "!", createdBy, now);
    LOG.info("greeting {} created by {}", created.id(), createdBy);
    return created;
  }

  // Greetings never change once written, so a cached copy is never stale; misses are not cached.
  @Cacheable(cacheNames = CACHE, unless = "#result == null")
  public Optional<Greeting> find(long id) {
    return repository.findById(id);
  }

  public List<Greeting> latest(int limit) {
    return repository.latest(limit);
  }
}
