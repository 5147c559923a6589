package dev.wharf.examples.greeter.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.examples.greeter.GreeterProperties;
import org.junit.jupiter.api.Test;

class RedisConnectionTest {

  @Test
  void readsHostAndPortFromRedisUrl() {
    var server = RedisConnection.parse("redis://redis.redis.svc:6380");
    assertThat(server.getHost()).isEqualTo("redis.redis.svc");
    assertThat(server.getPort()).isEqualTo(6380);
    assertThat(RedisConnection.parse("redis://127.0.0.1").getPort()).isEqualTo(6379);
  }

  @Test
  void refusesOtherFormsAndNeverEchoesCredentials() {
    assertThatThrownBy(() -> RedisConnection.parse("redis://u:hunter2@127.0.0.1:6379"))
        .hasMessageContaining("REDIS_USERNAME").hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> RedisConnection.parse("http://127.0.0.1:6379"))
        .hasMessageContaining("redis://host:port");
  }

  @Test
  void thePasswordNeverShowsInToString() {
    var redis = new GreeterProperties.Redis("redis://h:1", "team-a.greeter", "hunter2");
    assertThat(redis.toString()).contains("team-a.greeter").doesNotContain("hunter2");
  }
}
