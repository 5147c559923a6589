package dev.wharf.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A PKCE verifier and its S256 challenge (RFC 7636). */
public record Pkce(String verifier, String challenge) {

  public static final String METHOD = "S256";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A fresh verifier: 32 random bytes, base64url (43 characters). */
  public static Pkce generate() {
    String verifier = randomUrlSafe(32);
    return new Pkce(verifier, challengeOf(verifier));
  }

  /** BASE64URL(SHA-256(ASCII(verifier))) without padding. */
  public static String challengeOf(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  /** Random, URL-safe text for verifiers, state and nonce. */
  public static String randomUrlSafe(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Override
  public String toString() {
    return "Pkce[method=S256]";
  }
}
