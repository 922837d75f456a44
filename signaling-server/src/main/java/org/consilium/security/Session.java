package org.consilium.security;

import java.time.Instant;

/**
 * One sign-in of one user on one device: the access tokens issued for it name it ({@code sid}), and it holds
 * the hash of its one current refresh token. Revoking it ends every token of that sign-in at once.
 */
record Session(String id, String userId, String method, Instant createdAt, Instant refreshExpiresAt, Instant revokedAt) {

  boolean activeAt(Instant now) {
    return revokedAt == null && refreshExpiresAt.isAfter(now);
  }
}
