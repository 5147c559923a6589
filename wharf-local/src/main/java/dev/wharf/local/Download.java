package dev.wharf.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Downloads a file from a Maven repository and checks it against the repository's {@code .sha1};
 * a file that does not match is deleted. Progress goes to the listener.
 */
final class Download {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(20))
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  private Download() {}

  /** Downloads {@code url} to {@code target}, verified against {@code url + ".sha1"}. */
  static void verified(URI url, Path target, String what, ProgressListener progress) {
    String expected = expectedSha1(url, what);
    Path part = target.resolveSibling(target.getFileName() + ".part");
    String actual;
    try {
      Files.createDirectories(target.getParent());
      HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(url).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new LocalRuntimeException("cannot download " + what + " from " + url + ": HTTP " + response.statusCode()
            + ". Check the address (set WHARF_MAVEN_REPO to a reachable Maven repository) and try again");
      }
      long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      MessageDigest sha1 = sha1();
      try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part)) {
        byte[] buffer = new byte[1 << 16];
        long done = 0;
        long reported = 0;
        progress.download(what, 0, total);
        for (int n; (n = in.read(buffer)) != -1; ) {
          out.write(buffer, 0, n);
          sha1.update(buffer, 0, n);
          done += n;
          if (done - reported >= (1 << 20)) {
            progress.download(what, done, total);
            reported = done;
          }
        }
        progress.download(what, done, total);
      }
      actual = HexFormat.of().formatHex(sha1.digest());
    } catch (IOException e) {
      deleteQuietly(part);
      throw new LocalRuntimeException("cannot download " + what + " from " + url + ": " + reason(e)
          + ". Check the network (or set WHARF_MAVEN_REPO to a reachable Maven repository) and try again", e);
    } catch (InterruptedException e) {
      deleteQuietly(part);
      Thread.currentThread().interrupt();
      throw new LocalRuntimeException("interrupted while downloading " + what, e);
    }
    if (!actual.equalsIgnoreCase(expected)) {
      deleteQuietly(part);
      throw new LocalRuntimeException("the download of " + what + " from " + url + " is corrupt (SHA-1 " + actual
          + ", expected " + expected + "); the file was deleted. Try again; if it keeps failing, check "
          + "WHARF_MAVEN_REPO or any proxy between you and the repository");
    }
    try {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(target.resolveSibling(target.getFileName() + ".sha1"), expected);
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot save " + target + ": " + e.getMessage(), e);
    }
  }

  private static String expectedSha1(URI url, String what) {
    URI sha1Url = URI.create(url + ".sha1");
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(sha1Url).GET().timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
      if (response.statusCode() != 200) {
        throw new LocalRuntimeException("cannot download the checksum of " + what + " from " + sha1Url + ": HTTP "
            + response.statusCode() + ". Check the address (set WHARF_MAVEN_REPO to a reachable Maven repository)");
      }
      return parseSha1(response.body()).orElseThrow(() -> new LocalRuntimeException("the checksum file " + sha1Url
          + " does not hold a SHA-1; check WHARF_MAVEN_REPO"));
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot download the checksum of " + what + " from " + sha1Url + ": "
          + reason(e) + ". Check the network (or set WHARF_MAVEN_REPO to a reachable Maven repository)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalRuntimeException("interrupted while downloading " + what, e);
    }
  }

  /** The hash in a Maven .sha1 file ("<hex>" or "<hex>  <file name>"). */
  static Optional<String> parseSha1(String content) {
    String first = content.strip().split("\\s+")[0];
    return first.matches("[0-9a-fA-F]{40}") ? Optional.of(first.toLowerCase()) : Optional.empty();
  }

  /** True when {@code file} has the SHA-1 recorded in {@code sha1File}. */
  static boolean matchesSha1File(Path file, Path sha1File) {
    try {
      Optional<String> expected = parseSha1(Files.readString(sha1File, StandardCharsets.US_ASCII));
      return expected.isPresent() && expected.get().equalsIgnoreCase(sha1Of(file));
    } catch (IOException e) {
      return false;
    }
  }

  static String sha1Of(Path file) throws IOException {
    MessageDigest sha1 = sha1();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) != -1; ) {
        sha1.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha1.digest());
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort; a .part file is never used
    }
  }

  /** Why a transfer failed; a refused connection, for one, comes without a message. */
  static String reason(Exception e) {
    String message = e.getMessage();
    if (message != null && !message.isBlank()) {
      return message;
    }
    return e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName();
  }
}
