package dev.wharf.local;

import dev.wharf.core.RedisServer;
import dev.wharf.core.Secret;
import dev.wharf.core.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis on 127.0.0.1 with ACLs: the newer of a system {@code redis-server} and the binary
 * embedded-redis ships. The administrator is the {@code default} user with the persisted
 * password; users live in {@code data/users.acl} (ACL SAVE keeps changes across restarts) and
 * keys in an append-only file, both in the state directory.
 */
final class RedisLauncher {

  static final String ADMIN_USER = "default";
  static final String EMBEDDED_BINARY = "redis-server-6.2.6-v5-linux-amd64";
  static final int[] MINIMUM_VERSION = {6, 2};
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");

  private RedisLauncher() {}

  static RunningServer start(ServiceContext ctx) {
    ctx.prepare();
    Path binary = binary(ctx.cache());
    Path config = ctx.dir().resolve("redis.conf");
    try {
      Files.createDirectories(ctx.dataDir());
      writeAclFile(ctx.dataDir().resolve("users.acl"), ctx.adminPassword());
      PrivateFiles.write(config, config(ctx));
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot write the Redis configuration in " + ctx.dir() + ": " + e.getMessage(), e);
    }
    ChildProcess process = ctx.launch(List.of(binary.toString(), config.toString()), Map.of(), GRACE);
    try {
      process.awaitReady(ctx.readyTimeout(), Duration.ofMillis(50),
          () -> answersPing(ctx.port(), ctx.adminPassword()));
    } catch (RuntimeException e) {
      process.stop(GRACE);
      throw e;
    }
    RedisServer endpoint = new RedisServer("127.0.0.1", ctx.port(), ADMIN_USER, Secret.of(ctx.adminPassword()));
    return new RunningServer(Service.REDIS, process, GRACE, endpoint);
  }

  static String config(ServiceContext ctx) {
    return String.join("\n",
        "# Written by Wharf on every start; edits are lost.",
        "bind 127.0.0.1",
        "port " + ctx.port(),
        "protected-mode yes",
        "daemonize no",
        "logfile \"\"",
        "dir " + quote(ctx.dataDir().toString()),
        "aclfile " + quote(ctx.dataDir().resolve("users.acl").toString()),
        "appendonly yes",
        "appendfsync everysec",
        "save \"\"",
        "maxclients 1000",
        "");
  }

  /**
   * Keeps every user in the ACL file but the default one, which gets the persisted password (as
   * its SHA-256, the form ACL SAVE writes, so the file holds no clear text).
   */
  static void writeAclFile(Path file, String password) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("user " + ADMIN_USER + " on #" + sha256(password) + " ~* &* +@all");
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("user " + ADMIN_USER + " ")) {
          lines.add(line);
        }
      }
    }
    PrivateFiles.write(file, String.join("\n", lines) + "\n");
  }

  private static String sha256(String value) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The newer of a system redis-server (when on PATH) and the embedded one; at least 6.2. */
  static Path binary(CacheDir cache) {
    Optional<Path> system = Commands.onPath("redis-server");
    Optional<int[]> systemVersion = system.flatMap(RedisLauncher::version);
    Path embedded = null;
    Optional<int[]> embeddedVersion = Optional.empty();
    boolean linuxAmd64 = System.getProperty("os.name").toLowerCase().contains("linux")
        && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    if (linuxAmd64) {
      embedded = cache.executableResource("/" + EMBEDDED_BINARY, EMBEDDED_BINARY);
      embeddedVersion = version(embedded);
    }
    if (systemVersion.isPresent() && (embeddedVersion.isEmpty() || compare(systemVersion.get(), embeddedVersion.get()) > 0)) {
      return checked(system.get(), systemVersion.get());
    }
    if (embeddedVersion.isPresent()) {
      return checked(embedded, embeddedVersion.get());
    }
    throw new LocalRuntimeException("no usable Redis server: install Redis 6.2 or newer (redis-server on PATH)"
        + (embedded != null ? "; the embedded binary " + embedded + " did not run" : ""));
  }

  private static Path checked(Path binary, int[] version) {
    if (compare(version, MINIMUM_VERSION) < 0) {
      throw new LocalRuntimeException(binary + " is Redis " + version[0] + "." + version[1]
          + ", but ACLs need Redis 6.2 or newer: install a newer redis-server");
    }
    return binary;
  }

  static Optional<int[]> version(Path binary) {
    return Commands.output(List.of(binary.toString(), "--version")).flatMap(RedisLauncher::parseVersion);
  }

  static Optional<int[]> parseVersion(String versionOutput) {
    Matcher m = VERSION.matcher(versionOutput);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3))});
  }

  static int compare(int[] a, int[] b) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  /** AUTH then PING in one round trip; true on +OK +PONG (a loading server answers -LOADING). */
  static boolean answersPing(int port, String password) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(Ports.LOOPBACK, port), 1000);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write((resp(List.of("AUTH", ADMIN_USER, password)) + resp(List.of("PING"))).getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String first = readLine(in);
      if (!first.startsWith("+OK")) {
        // never echo the reply: it is about our password
        throw new IOException("Redis refused the administrator login (" + (first.startsWith("-") ? first.split(" ")[0] : "?") + ")");
      }
      return readLine(in).startsWith("+PONG");
    }
  }

  private static String resp(List<String> parts) {
    StringBuilder out = new StringBuilder("*").append(parts.size()).append("\r\n");
    for (String part : parts) {
      out.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
    }
    return out.toString();
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
