package dev.wharf.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.operator.stub.OpenBaoStub;
import dev.wharf.provisioning.AppRef;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PolicyHclTest {
  static final Pattern RULE = Pattern.compile("path\\s+\"([^\"]+)\"\\s*\\{\\s*capabilities\\s*=\\s*\\[([^]]*)]\\s*}");

  @Test
  void policyGrantsReadOnExactlyTheAppsOwnPath() {
    AppRef greeter = AppRef.of("team-a", "greeter");
    List<String[]> rules = rules(PolicyHcl.forApp("wharf", greeter));
    assertThat(rules).hasSize(1);
    assertThat(rules.getFirst()[0]).isEqualTo("wharf/data/apps/team-a/greeter");
    assertThat(rules.getFirst()[1].replace(" ", "")).isEqualTo("\"read\"");
  }

  @Test
  void twoAppsCannotReadEachOthersPaths() {
    // Names chosen so that a glob or prefix rule would leak: greeter vs greeter2, and a
    // namespace that is a prefix of another.
    List<AppRef> apps = List.of(AppRef.of("team-a", "greeter"), AppRef.of("team-a", "greeter2"),
        AppRef.of("team-ab", "greeter"), AppRef.of("team-b", "greeter"));
    for (AppRef reader : apps) {
      List<String[]> rules = rules(PolicyHcl.forApp("wharf", reader));
      for (AppRef target : apps) {
        String data = AppNames.kvDataAclPath("wharf", target);
        String metadata = "wharf/metadata/" + AppNames.kvPath(target);
        boolean readsData = rules.stream().anyMatch(r -> OpenBaoStub.pathMatches(r[0], data));
        boolean readsMetadata = rules.stream().anyMatch(r -> OpenBaoStub.pathMatches(r[0], metadata));
        assertThat(readsData).as("%s reading %s", reader, target).isEqualTo(reader.equals(target));
        assertThat(readsMetadata).as("%s listing %s", reader, target).isFalse();
      }
    }
  }

  private static List<String[]> rules(String hcl) {
    Matcher m = RULE.matcher(hcl);
    List<String[]> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2)});
    }
    return out;
  }
}
