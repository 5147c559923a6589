package dev.wharf.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The values an App spec is written with, as the CRD types read and write them. */
class SpecValuesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void privilegesParseFromTheAppSpec() throws Exception {
    assertThat(JSON.readValue("\"readWrite\"", MySqlPrivileges.class)).isEqualTo(MySqlPrivileges.READ_WRITE);
    assertThat(JSON.readValue("\"readOnly\"", MySqlPrivileges.class)).isEqualTo(MySqlPrivileges.READ_ONLY);
    assertThat(JSON.writeValueAsString(MySqlPrivileges.READ_ONLY)).isEqualTo("\"readOnly\"");
    assertThatThrownBy(() -> JSON.readValue("\"all\"", MySqlPrivileges.class))
        .hasMessageContaining("readWrite").hasMessageContaining("readOnly");
    assertThat(MySqlPrivileges.READ_WRITE.privileges()).doesNotContain("GRANT OPTION", "SUPER",
        "CREATE USER", "FILE", "PROCESS");
  }

  @Test
  void deletionPolicyIsRetainOrDelete() throws Exception {
    assertThat(JSON.readValue("\"Retain\"", DeletionPolicy.class)).isEqualTo(DeletionPolicy.RETAIN);
    assertThat(JSON.readValue("\"Delete\"", DeletionPolicy.class)).isEqualTo(DeletionPolicy.DELETE);
    assertThat(JSON.writeValueAsString(DeletionPolicy.DELETE)).isEqualTo("\"Delete\"");
    assertThatThrownBy(() -> JSON.readValue("\"Drop\"", DeletionPolicy.class)).hasMessageContaining("Retain");
  }
}
