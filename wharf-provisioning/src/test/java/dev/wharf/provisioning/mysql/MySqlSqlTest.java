package dev.wharf.provisioning.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MySqlSqlTest {

  @Test
  void quotesDerivedNames() {
    assertThat(MySqlSql.quoteName("team-a.greeter")).isEqualTo("`team-a.greeter`");
    assertThat(MySqlSql.grantee("team-a.greeter")).isEqualTo("'team-a.greeter'@'%'");
  }

  @Test
  void refusesAnythingNamesCouldNotHaveMade() {
    for (String bad : new String[] {"a`b", "a'b", "a b", "a_b", "a%b", "A", ""}) {
      assertThatThrownBy(() -> MySqlSql.quoteName(bad)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> MySqlSql.grantee(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
