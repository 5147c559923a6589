package dev.wharf.cli.up;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What 'wharf up' prints once everything runs: a table and a copy-paste token + call. */
final class Summary {
  record Row(String service, String url, String state) {}

  private Summary() {}

  static String table(List<Row> rows) {
    int w1 = "service".length();
    int w2 = "URL".length();
    for (Row r : rows) {
      w1 = Math.max(w1, r.service().length());
      w2 = Math.max(w2, r.url().length());
    }
    String format = "  %-" + w1 + "s  %-" + w2 + "s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, format, "service", "URL", "state"));
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, format, r.service(), r.url(), r.state()));
    }
    return out.toString();
  }

  /**
   * Shell lines that get dev-a a token with greeter's client (password grant) and call greeter.
   * Secrets are read from the private files, so none appears on screen or in shell history.
   */
  static List<String> curl(LocalPlatform.Info info) {
    List<String> lines = new ArrayList<>();
    lines.add("TOKEN=$(curl -s " + info.tokenEndpoint() + " \\");
    lines.add("    -u \"" + info.clientId() + ":$(sed -n 's/^OIDC_CLIENT_SECRET=//p' "
        + info.envFile() + ")\" \\");
    lines.add("    -d grant_type=password -d username=" + info.user()
        + " --data-urlencode password@" + info.passwordFile() + " \\");
    lines.add("    | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
    lines.add("curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\");
    lines.add("    -d '{\"name\": \"Ada\"}' " + info.greeterUrl() + "/api/greetings");
    lines.add("curl -s -H \"Authorization: Bearer $TOKEN\" " + info.greeterUrl() + "/api/greetings");
    return lines;
  }
}
