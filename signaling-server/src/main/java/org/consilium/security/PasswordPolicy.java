package org.consilium.security;

import java.util.Locale;
import org.consilium.http.JsonInput;

/**
 * What a password must be. Length beats composition rules (NIST SP 800-63B): at least 10 characters,
 * at most 128 so that hashing cost stays bounded, and never the username.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 128;

  private PasswordPolicy() {
  }

  /** Why the password is refused, phrased to follow the field name; null when it is acceptable. */
  static String problem(String password, String username) {
    if (password == null || password.isEmpty()) return "is required";
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) return "must have at least " + MIN_LENGTH + " characters";
    if (length > MAX_LENGTH) return "must have at most " + MAX_LENGTH + " characters";
    if (password.isBlank()) return "must not be only spaces";
    if (username != null && password.strip().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
      return "must not be the username";
    }
    return null;
  }

  /**
   * Reads a password field exactly as typed (no trimming: spaces are legal characters) and records a field
   * error if it is missing or, when {@code enforce} is set, if the policy refuses it for {@code username}.
   */
  static String read(JsonInput in, String field, boolean enforce, String username) {
    Object v = in.raw().getValue(field);
    if (v != null && !(v instanceof String)) {
      in.error(field, "must be a string");
      return null;
    }
    String password = (String) v;
    String problem = enforce ? problem(password, username)
        : password == null || password.isEmpty() ? "is required"
        : password.length() > 8 * MAX_LENGTH ? "is too long" : null;
    if (problem != null) in.error(field, problem);
    return password;
  }
}
