package dev.wharf.provisioning.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
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

  @Test
  void aLostConnectionIsUnavailableARefusalIsNot() {
    assertThat(MySqlSql.unavailable(new SQLException("Communications link failure", "08S01", 0))).isTrue();
    assertThat(MySqlSql.unavailable(new SQLTransientConnectionException("pool timed out"))).isTrue();
    assertThat(MySqlSql.unavailable(new SQLNonTransientConnectionException("refused"))).isTrue();
    assertThat(MySqlSql.unavailable(new SQLException("Access denied", "28000", 1045))).isFalse();
    assertThat(MySqlSql.unavailable(new SQLSyntaxErrorException("syntax", "42000", 1064))).isFalse();
  }

  @Test
  void connectionLimitsAreWholeNumbersInRange() {
    assertThat(MySqlSql.checkedLimit(1)).isEqualTo("1");
    assertThat(MySqlSql.checkedLimit(20)).isEqualTo("20");
    assertThat(MySqlSql.checkedLimit(MySqlSql.MAX_USER_CONNECTIONS_CEILING)).isEqualTo("100000");
    for (int bad : new int[] {0, -1, MySqlSql.MAX_USER_CONNECTIONS_CEILING + 1, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> MySqlSql.checkedLimit(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("from 1 to 100000");
    }
  }

  @Test
  void nativeHashIsWhatMySqlStoresForAPassword() {
    // The example of MySQL's reference manual: PASSWORD('mypass').
    assertThat(MySqlSql.nativeHash(dev.wharf.core.Secret.of("mypass"))).isEqualTo("*6C8989366EAF75BB670AD8EA7A7FC1176A95CEF4");
  }
}
