package dev.wharf.operator.testing;

import dev.wharf.operator.stub.OpenBaoStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Does to an OpenBao stub, through its HTTP API, what gitops/services/openbao/bootstrap/
 * bootstrap.sh does to OpenBao, from the same files: every {@code <name>.hcl} becomes policy
 * {@code <name>} with the Kubernetes auth mount's accessor in place of
 * {@value #ACCESSOR_PLACEHOLDER}, and every {@code bao write auth/kubernetes/role/<name>} of the
 * script becomes that role with the parameters it gives.
 */
public final class OpenBaoBootstrap {
  /** What bootstrap.sh replaces with the mount accessor (its sed line names the same). */
  public static final String ACCESSOR_PLACEHOLDER = "@kubernetes_accessor@";
  private static final String ROLE_WRITE = "bao write auth/kubernetes/role/";

  private OpenBaoBootstrap() {}

  public static void apply(OpenBaoStub openBao, String rootToken, Path bootstrapDir) {
    try (HttpClient http = HttpClient.newHttpClient(); Stream<Path> files = Files.list(bootstrapDir)) {
      for (Path hcl : files.filter(p -> p.toString().endsWith(".hcl")).sorted().toList()) {
        String name = hcl.getFileName().toString().replace(".hcl", "");
        String policy = Files.readString(hcl).replace(ACCESSOR_PLACEHOLDER, openBao.kubernetesAccessor());
        put(http, openBao, rootToken, "sys/policies/acl/" + name, Map.of("policy", policy));
      }
      roles(Files.readString(bootstrapDir.resolve("bootstrap.sh")))
          .forEach((name, params) -> put(http, openBao, rootToken, "auth/kubernetes/role/" + name, params));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The roles the script writes: name to parameters, as the bao CLI would send them. */
  static Map<String, Map<String, String>> roles(String script) {
    Map<String, Map<String, String>> roles = new LinkedHashMap<>();
    String[] lines = script.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.startsWith(ROLE_WRITE)) {
        continue;
      }
      StringBuilder command = new StringBuilder();
      while (line.endsWith("\\")) {
        command.append(line, 0, line.length() - 1).append(' ');
        line = lines[++i].strip();
      }
      command.append(line);
      List<String> words = words(command.toString());
      Map<String, String> params = new LinkedHashMap<>();
      for (String word : words.subList(3, words.size())) {
        int eq = word.indexOf('=');
        params.put(word.substring(0, eq), word.substring(eq + 1));
      }
      roles.put(words.get(2).substring("auth/kubernetes/role/".length()), params);
    }
    return roles;
  }

  /** Shell words: split on spaces, single quotes keep what they hold as it is. */
  private static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (char c : command.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  private static void put(HttpClient http, OpenBaoStub openBao, String token, String path, Map<String, ?> body) {
    try {
      var request = HttpRequest.newBuilder(URI.create(openBao.uri() + "/v1/" + path)).header("X-Vault-Token", token)
          .PUT(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)))
          .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 204 && status != 200) {
        throw new IllegalStateException("OpenBao stub answered " + status + " to writing " + path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
