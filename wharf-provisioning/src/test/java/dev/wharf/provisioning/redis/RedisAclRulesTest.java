package dev.wharf.provisioning.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.core.KeyPrefix;
import dev.wharf.core.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisAclRulesTest {

  private static final RedisVersion V6 = RedisVersion.parse("6.2.6");
  private static final RedisVersion V7 = RedisVersion.parse("7.0.15");
  private static final RedisVersion V72 = RedisVersion.parse("7.2.4");

  @Test
  void startsFromNothingAndDeniesDangerousCommandsAfterGranting() {
    var rules = RedisAclRules.commandRules(V6);
    assertThat(rules.get(0)).isEqualTo("-@all");
    assertThat(rules).contains("-@dangerous", "-@admin", "-flushall", "-flushdb", "-keys",
        "-config", "-acl", "-debug", "-shutdown", "-module", "-scan");
    assertThat(rules.indexOf("-@dangerous")).isGreaterThan(rules.indexOf("+@write"));
    assertThat(rules).doesNotContain("+@all", "+@scripting", "+@admin", "+@dangerous");
  }

  @Test
  void namesOnlyCommandsTheServerVersionKnows() {
    assertThat(RedisAclRules.commandRules(V6)).doesNotContain("-function", "+eval_ro",
        "+client|setinfo");
    assertThat(RedisAclRules.commandRules(V7)).contains("-function", "+eval_ro")
        .doesNotContain("+client|setinfo");
    assertThat(RedisAclRules.commandRules(V72)).contains("-function", "+client|setinfo");
  }

  @Test
  void appUserIsConfinedToItsPrefix() {
    var pw = Secret.of("pw123");
    var rules = RedisAclRules.appUser(KeyPrefix.of("greeter:"), V7, pw, List.of());
    assertThat(rules.subList(0, 3)).containsExactly("reset", "resetchannels", "on");
    assertThat(rules).contains(">pw123", "~greeter:*", "&greeter:*");
    assertThat(rules).noneMatch(r -> r.equals("~*") || r.equals("allkeys") || r.equals("&*"));
  }

  @Test
  void correctionKeepsExistingPasswordHashes() {
    var rules = RedisAclRules.appUser(KeyPrefix.of("greeter:"), V7, null, List.of("abc123"));
    assertThat(rules).contains("#abc123").noneMatch(r -> r.startsWith(">"));
  }

  @Test
  void referenceUserCannotLogIn() {
    var rules = RedisAclRules.referenceUser(V7);
    assertThat(rules).contains("off").noneMatch(r -> r.startsWith(">") || r.startsWith("~"));
  }

  @Test
  void fingerprintFollowsTheRules() {
    assertThat(RedisAclRules.fingerprint(V6)).isNotEqualTo(RedisAclRules.fingerprint(V7));
    assertThat(RedisAclRules.fingerprint(V7)).isEqualTo(RedisAclRules.fingerprint(V7));
  }

  @Test
  void versionParsesFromInfo() {
    assertThat(RedisVersion.fromInfo("# Server\r\nredis_version:7.2.4\r\nredis_mode:standalone"))
        .isEqualTo(new RedisVersion(7, 2));
    assertThat(V6.atLeast(7, 0)).isFalse();
    assertThat(V72.atLeast(7, 0)).isTrue();
  }
}
