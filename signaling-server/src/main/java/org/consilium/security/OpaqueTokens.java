package org.consilium.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random opaque tokens (refresh tokens, SSO state) and the SHA-256 digests under which they are stored. */
final class OpaqueTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  private OpaqueTokens() {
  }

  /** 32 random bytes, base64url without padding (43 characters). */
  static String newToken() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A random string of the given length from an alphabet without look-alike characters (0/O, 1/l/I). */
  static String readable(int length) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    return sb.toString();
  }

  /** Lowercase hex SHA-256: the database holds only this, so a leaked copy grants nothing. */
  static String sha256(String token) {
    return HexFormat.of().formatHex(digest(token));
  }

  /** base64url SHA-256, as PKCE's S256 code challenge needs. */
  static String s256Challenge(String verifier) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(verifier));
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
