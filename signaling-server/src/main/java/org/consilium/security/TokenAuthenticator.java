package org.consilium.security;

import io.vertx.core.Future;
import java.time.Instant;
import org.consilium.access.Authenticator;
import org.consilium.access.Principal;

/**
 * Verifies a bearer access token, then loads its session and user: a revoked session (logout, reuse of a
 * refresh token, password reset), a disabled or locked user are refused at once, and the principal carries
 * the user's current role and hospital, not the ones frozen in the token.
 */
final class TokenAuthenticator implements Authenticator {

  private final AccessTokens tokens;
  private final SessionStore sessions;
  private final UserStore users;

  TokenAuthenticator(AccessTokens tokens, SessionStore sessions, UserStore users) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.users = users;
  }

  @Override
  public Future<Principal> authenticate(String bearerToken) {
    return tokens.verify(bearerToken).compose(claims -> sessions.find(claims.sessionId()).compose(session -> {
      if (session.isEmpty() || session.get().revokedAt() != null || !session.get().userId().equals(claims.userId())) {
        return Future.failedFuture(new Unauthenticated("The session has ended; sign in again"));
      }
      return users.find(claims.userId()).compose(user -> {
        if (user.isEmpty() || !user.get().active()) {
          return Future.failedFuture(new Unauthenticated("The account is disabled"));
        }
        if (user.get().lockedAt(Instant.now())) {
          return Future.failedFuture(new Unauthenticated("The account is locked"));
        }
        return Future.succeededFuture(user.get().principal(claims.sessionId()));
      });
    }));
  }
}
