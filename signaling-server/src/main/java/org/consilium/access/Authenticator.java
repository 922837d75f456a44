package org.consilium.access;

import io.vertx.core.Future;

/** Turns a bearer token into the principal behind it, or fails with {@link Unauthenticated}. */
@FunctionalInterface
public interface Authenticator {

  Future<Principal> authenticate(String bearerToken);

  /** The token is missing, malformed, expired, revoked, or its user is no longer active. */
  final class Unauthenticated extends RuntimeException {
    public Unauthenticated(String reason) {
      super(reason, null, false, false);
    }
  }
}
