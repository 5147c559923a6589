package dev.wharf.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The guard script (see guard.sh) every server runs under, copied into the cache once. */
final class Guard {

  private static final String RESOURCE = "/dev/wharf/local/guard.sh";

  private Guard() {}

  /** The script's path; its name carries a hash of its content, so a changed script is recopied. */
  static Path script(CacheDir cache) {
    return cache.executableResource(RESOURCE, "guard-" + contentHash() + ".sh");
  }

  private static String contentHash() {
    try (InputStream in = Guard.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new LocalRuntimeException("guard.sh is missing from the wharf-local jar: rebuild wharf-local");
      }
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new LocalRuntimeException("cannot read guard.sh from the wharf-local jar: " + e.getMessage(), e);
    }
  }
}
