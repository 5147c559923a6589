package dev.wharf.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WritesTest {

  @Test
  void countsInTotalAndByKind() {
    var writes = new Writes();
    writes.record("mysql grant");
    writes.record("mysql grant");
    writes.record("redis acl setuser");
    assertThat(writes.count()).isEqualTo(3);
    assertThat(writes.byKind()).containsEntry("mysql grant", 2L)
        .containsEntry("redis acl setuser", 1L).hasSize(2);
  }
}
