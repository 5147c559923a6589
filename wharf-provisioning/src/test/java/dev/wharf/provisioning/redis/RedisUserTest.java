package dev.wharf.provisioning.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.core.KeyPrefix;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisUserTest {

  private static final KeyPrefix PREFIX = KeyPrefix.of("greeter:");

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** ACL GETUSER as Redis 6.2 answers: keys and channels as lists of bare patterns. */
  private static List<Object> v6(String onOff, String keys, String commands) {
    return List.of(b("flags"), List.of(b(onOff), b("sanitize-payload")),
        b("passwords"), List.of(b("30c9")), b("commands"), b(commands),
        b("keys"), List.of(b(keys)), b("channels"), List.of(b(keys)));
  }

  /** As Redis 7 answers: strings of prefixed patterns, and selectors. */
  private static List<Object> v7(String onOff, String keys, String commands) {
    return List.of(b("flags"), List.of(b(onOff), b("sanitize-payload")),
        b("passwords"), List.of(b("30c9")), b("commands"), b(commands),
        b("keys"), b("~" + keys), b("channels"), b("&" + keys), b("selectors"), List.of());
  }

  private static RedisUser reference() {
    return RedisUser.parse(List.of(b("flags"), List.of(b("off"), b("sanitize-payload")),
        b("passwords"), List.of(), b("commands"), b("-@all +@read"), b("keys"), b(""),
        b("channels"), b(""), b("selectors"), List.of()));
  }

  @Test
  void parsesBothReplyShapesAlike() {
    var six = RedisUser.parse(v6("on", "greeter:*", "-@all +@read"));
    var seven = RedisUser.parse(v7("on", "greeter:*", "-@all +@read"));
    assertThat(six.keys()).isEqualTo("~greeter:*").isEqualTo(seven.keys());
    assertThat(six.channels()).isEqualTo("&greeter:*").isEqualTo(seven.channels());
    assertThat(six.passwordHashes()).containsExactly("30c9");
  }

  @Test
  void matchingUserNeedsNoWrite() {
    assertThat(RedisUserCheck.matches(RedisUser.parse(v7("on", "greeter:*", "-@all +@read")),
        reference(), PREFIX)).isTrue();
    assertThat(RedisUserCheck.matches(RedisUser.parse(v6("on", "greeter:*", "-@all +@read")),
        reference(), PREFIX)).isTrue();
  }

  @Test
  void anyDriftIsDetected() {
    var ref = reference();
    assertThat(RedisUserCheck.matches(RedisUser.parse(v7("off", "greeter:*", "-@all +@read")),
        ref, PREFIX)).as("disabled").isFalse();
    assertThat(RedisUserCheck.matches(RedisUser.parse(v7("on", "*", "-@all +@read")),
        ref, PREFIX)).as("all keys").isFalse();
    assertThat(RedisUserCheck.matches(RedisUser.parse(v7("on", "greeter:*", "+@all")),
        ref, PREFIX)).as("commands").isFalse();
    assertThat(RedisUserCheck.matches(RedisUser.parse(v7("on", "other:*", "-@all +@read")),
        ref, PREFIX)).as("other prefix").isFalse();
  }

  @Test
  void userWithoutPasswordIsNotAMatch() {
    var noPassword = RedisUser.parse(List.of(b("flags"), List.of(b("on"), b("sanitize-payload")),
        b("passwords"), List.of(), b("commands"), b("-@all +@read"), b("keys"), b("~greeter:*"),
        b("channels"), b("&greeter:*"), b("selectors"), List.of()));
    assertThat(RedisUserCheck.hasPassword(noPassword)).isFalse();
    assertThat(RedisUserCheck.matches(noPassword, reference(), PREFIX)).isFalse();
  }

  @Test
  void aPasswordIsAcceptedWhenItsSha256IsAmongTheHashesOfAUserThatIsOn() {
    // SHA-256 of "foo", as ACL GETUSER lists a password set with ">foo".
    String foo = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    var on = RedisUser.parse(List.of(b("flags"), List.of(b("on")), b("passwords"), List.of(b(foo))));
    var off = RedisUser.parse(List.of(b("flags"), List.of(b("off")), b("passwords"), List.of(b(foo))));
    assertThat(RedisUserCheck.acceptsPassword(on, dev.wharf.core.Secret.of("foo"))).isTrue();
    assertThat(RedisUserCheck.acceptsPassword(on, dev.wharf.core.Secret.of("bar"))).isFalse();
    assertThat(RedisUserCheck.acceptsPassword(off, dev.wharf.core.Secret.of("foo"))).as("a user that is off").isFalse();
  }
}
