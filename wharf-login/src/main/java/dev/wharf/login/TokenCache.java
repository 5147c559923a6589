package dev.wharf.login;

import dev.wharf.core.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The token cache: one small properties file per (issuer, client id) under
 * {@code <config dir>/tokens}, mode 0600 from the moment it exists, replaced atomically.
 *
 * <p>Plain {@link Properties} rather than JSON on purpose: {@code wharf token} reads this file on
 * every kubectl call, and the JDK's own parser costs no extra class loading.
 */
public final class TokenCache {

  private static final String VERSION = "1";

  private final Path dir;

  /** @param configDir the Wharf config directory; tokens go to its {@code tokens} subdirectory */
  public TokenCache(Path configDir) {
    this.dir = configDir.resolve("tokens");
  }

  public Path directory() {
    return dir;
  }

  public Path fileFor(String issuer, String clientId) {
    return dir.resolve(LoginNames.cacheFileName(issuer, clientId));
  }

  /** The cached session, or empty when there is none. Throws CORRUPT_CACHE for a broken file. */
  public Optional<Session> read(String issuer, String clientId) {
    Path file = fileFor(issuer, clientId);
    Optional<Session> session = readFile(file);
    // Plain code, no lambda: this runs on every kubectl call (see ExecCredential.json).
    if (session.isPresent()
        && (!session.get().issuer().equals(issuer) || !session.get().clientId().equals(clientId))) {
      throw corrupt(file, "it belongs to another issuer or client");
    }
    return session;
  }

  /** The readable sessions, and the files that are not (with why). */
  public record Scan(List<Session> sessions, List<LoginException> corrupt) {}

  /** Every cached session (for {@code wharf logout} without an issuer, or a lone session). */
  public Scan scan() {
    List<Session> sessions = new ArrayList<>();
    List<LoginException> corrupt = new ArrayList<>();
    for (Path file : files()) {
      try {
        readFile(file).ifPresent(sessions::add);
      } catch (LoginException e) {
        corrupt.add(e);
      }
    }
    return new Scan(List.copyOf(sessions), List.copyOf(corrupt));
  }

  /** Deletes every session file that cannot be read; returns how many. */
  public int deleteCorrupt() {
    int deleted = 0;
    for (Path file : files()) {
      try {
        readFile(file);
      } catch (LoginException e) {
        try {
          Files.deleteIfExists(file);
          Files.deleteIfExists(lockFile(file));
          deleted++;
        } catch (IOException io) {
          throw new LoginException(LoginException.Reason.CORRUPT_CACHE,
              "cannot delete " + file + ": " + io.getMessage() + ". Delete it by hand.", io);
        }
      }
    }
    return deleted;
  }

  /** Writes the session, owner-only and whole (see PrivateFiles). */
  public void write(Session s) {
    Path file = fileFor(s.issuer(), s.clientId());
    Properties p = new Properties();
    p.setProperty("version", VERSION);
    p.setProperty("issuer", s.issuer());
    p.setProperty("client_id", s.clientId());
    p.setProperty("username", s.username() == null ? "" : s.username());
    p.setProperty("id_token", s.idToken());
    p.setProperty("id_token_issued_at", Long.toString(s.idTokenIssuedAt()));
    p.setProperty("id_token_expires_at", Long.toString(s.idTokenExpiresAt()));
    p.setProperty("refresh_token", s.refreshToken() == null ? "" : s.refreshToken());
    p.setProperty("refresh_expires_at", Long.toString(s.refreshExpiresAt()));
    StringWriter text = new StringWriter();
    try {
      p.store(text, "Wharf sign-in session. Keep private: it holds a refresh token.");
      ensureDirectory();
      PrivateFiles.write(file, text.toString().getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new LoginException(LoginException.Reason.CORRUPT_CACHE,
          "cannot write the token cache " + file + ": " + e.getMessage()
              + ". Check that you own " + dir + " and that the disk is not full.", e);
    }
  }

  /** Deletes the session file; true when there was one. */
  public boolean delete(String issuer, String clientId) {
    Path file = fileFor(issuer, clientId);
    try {
      boolean deleted = Files.deleteIfExists(file);
      Files.deleteIfExists(lockFile(file));
      return deleted;
    } catch (IOException e) {
      throw new LoginException(LoginException.Reason.CORRUPT_CACHE,
          "cannot delete the token cache " + file + ": " + e.getMessage()
              + ". Delete it by hand.", e);
    }
  }

  /**
   * Runs {@code action} holding an exclusive lock for (issuer, client), so concurrent kubectl
   * calls refresh once and the others read the result.
   */
  public <T> T withLock(String issuer, String clientId, Supplier<T> action) {
    Path lock = lockFile(fileFor(issuer, clientId));
    try {
      ensureDirectory();
      try {
        PrivateFiles.create(lock);
      } catch (FileAlreadyExistsException ignored) {
        // Another process made it; locking it below is what counts.
      }
      try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        return action.get();
      }
    } catch (IOException e) {
      throw new LoginException(LoginException.Reason.CORRUPT_CACHE,
          "cannot lock the token cache " + lock + ": " + e.getMessage()
              + ". Check that you own " + dir + ".", e);
    }
  }

  private Optional<Session> readFile(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new LoginException(LoginException.Reason.CORRUPT_CACHE,
          "cannot read the token cache " + file + ": " + e.getMessage()
              + ". Check its owner and permissions, or run 'wharf logout' and sign in again.", e);
    } catch (IllegalArgumentException e) {
      throw corrupt(file, "it is not a Wharf token cache");
    }
    if (!VERSION.equals(p.getProperty("version"))) {
      throw corrupt(file, "its format is unknown");
    }
    String issuer = required(p, "issuer", file);
    String clientId = required(p, "client_id", file);
    String idToken = required(p, "id_token", file);
    String refresh = p.getProperty("refresh_token", "");
    return Optional.of(new Session(issuer, clientId, p.getProperty("username", ""), idToken,
        number(p, "id_token_issued_at", file), number(p, "id_token_expires_at", file),
        refresh.isEmpty() ? null : refresh, number(p, "refresh_expires_at", file)));
  }

  private List<Path> files() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "session-*.properties")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new LoginException(LoginException.Reason.CORRUPT_CACHE,
          "cannot list the token cache " + dir + ": " + e.getMessage(), e);
    }
    files.sort(null);
    return files;
  }

  /** Only when writing: reading the cache (the kubectl path) loads none of this. */
  private void ensureDirectory() throws IOException {
    if (!Files.isDirectory(dir)) {
      PrivateFiles.createDirectories(dir);
    }
  }

  private static Path lockFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  private static String required(Properties p, String key, Path file) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw corrupt(file, "'" + key + "' is missing");
    }
    return value;
  }

  private static long number(Properties p, String key, Path file) {
    try {
      return Long.parseLong(p.getProperty(key, "0").trim());
    } catch (NumberFormatException e) {
      throw corrupt(file, "'" + key + "' is not a number");
    }
  }

  /** Names the file and the fix, never the content (it may hold tokens). */
  private static LoginException corrupt(Path file, String why) {
    return new LoginException(LoginException.Reason.CORRUPT_CACHE,
        "the token cache " + file + " is corrupt (" + why + "). Run 'wharf logout' (or delete"
            + " that file) and then 'wharf login' again.");
  }
}
