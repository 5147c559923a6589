package dev.wharf.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.http.HttpClient;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** fabric8 picks one HTTP client factory at random when it finds several of equal priority. */
class HttpClientChoiceTest {
  @Test
  void exactlyOneKubernetesHttpClientIsOnTheClasspath() {
    assertThat(ServiceLoader.load(HttpClient.Factory.class).stream().map(p -> p.type().getName()).toList())
        .containsExactly("io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory");
  }
}
