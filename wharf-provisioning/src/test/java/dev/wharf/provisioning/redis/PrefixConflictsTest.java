package dev.wharf.provisioning.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.core.KeyPrefix;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixConflictsTest {

  private static final List<String> ACL_LIST = List.of(
      "user default on nopass ~* &* +@all",
      "user admin on #abc ~* &* +@all",
      "user team-a.greeter on #abc ~greeter:* resetchannels &greeter:* -@all +@read",
      "user wharf-acl-rules-123 off resetchannels -@all +@read",
      "user odd on #abc ~a?b* -@all");

  @Test
  void samePrefixOfAnotherUserConflicts() {
    var conflict = PrefixConflicts.find(ACL_LIST, "team-b.greeter", KeyPrefix.of("greeter:"));
    assertThat(conflict).hasValueSatisfying(c -> {
      assertThat(c.user()).isEqualTo("team-a.greeter");
      assertThat(c.pattern()).isEqualTo("~greeter:*");
    });
  }

  @Test
  void nestedPrefixesConflictBothWays() {
    assertThat(PrefixConflicts.find(ACL_LIST, "x.y", KeyPrefix.of("greeter:cache:"))).isPresent();
    assertThat(PrefixConflicts.find(ACL_LIST, "x.y", KeyPrefix.of("gree"))).isPresent();
  }

  @Test
  void ownUserAdministratorsAndDistinctPrefixesDoNotConflict() {
    assertThat(PrefixConflicts.find(ACL_LIST, "team-a.greeter", KeyPrefix.of("greeter:")))
        .isEmpty();
    assertThat(PrefixConflicts.find(ACL_LIST, "team-b.greeter", KeyPrefix.of("greeter2:")))
        .isEmpty();
  }

  @Test
  void literalPrefixReadsOnlyPlainPrefixPatterns() {
    assertThat(PrefixConflicts.literalPrefix("~greeter:*")).isEqualTo("greeter:");
    assertThat(PrefixConflicts.literalPrefix("%R~greeter:*")).isEqualTo("greeter:");
    assertThat(PrefixConflicts.literalPrefix("~*")).isNull();
    assertThat(PrefixConflicts.literalPrefix("~a?b*")).isNull();
    assertThat(PrefixConflicts.literalPrefix("&greeter:*")).isNull();
    assertThat(PrefixConflicts.literalPrefix("+@read")).isNull();
  }
}
