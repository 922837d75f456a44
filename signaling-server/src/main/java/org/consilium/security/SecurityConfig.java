package org.consilium.security;

import java.nio.file.Path;
import java.time.Duration;
import org.consilium.config.ConfigException;
import org.consilium.config.Settings;

/**
 * Identity settings: token lifetimes, lockout, the first administrator's password, the JWT secret.
 *
 * @param jwtSecret     the configured signing secret, or empty to use the generated key file under {@code keysDir}
 * @param adminPassword empty: generate one and print it once
 */
record SecurityConfig(String issuer, String jwtSecret, Path keysDir, Duration accessTtl, Duration refreshTtl,
                      int maxFailures, Duration lockout, String adminPassword) {

  static final int MIN_SECRET_LENGTH = 32;

  static SecurityConfig from(Settings s, String issuer) {
    String secret = s.string("JWT_SECRET");
    if (!secret.isEmpty() && secret.length() < MIN_SECRET_LENGTH) {
      throw new ConfigException("JWT_SECRET", "must have at least " + MIN_SECRET_LENGTH + " characters");
    }
    String admin = s.string("ADMIN_PASSWORD");
    if (!admin.isEmpty() && PasswordPolicy.problem(admin, Bootstrap.ADMIN_USERNAME) != null) {
      throw new ConfigException("ADMIN_PASSWORD", PasswordPolicy.problem(admin, Bootstrap.ADMIN_USERNAME));
    }
    return new SecurityConfig(issuer, secret, s.path("DATA_DIR").resolve("keys"),
        s.seconds("ACCESS_TOKEN_TTL_SECONDS", 30, 86_400),
        s.seconds("REFRESH_TOKEN_TTL_SECONDS", 60, 90 * 86_400),
        s.integer("LOGIN_MAX_FAILURES", 1, 100),
        s.seconds("LOGIN_LOCKOUT_SECONDS", 1, 30 * 86_400),
        admin);
  }
}
