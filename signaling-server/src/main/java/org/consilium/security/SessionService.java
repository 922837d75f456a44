package org.consilium.security;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/**
 * Opens, refreshes and revokes sessions. A refresh rotates the refresh token; presenting a token that was
 * already rotated away means two parties hold it (one of them stole it), so the whole session is revoked
 * (OAuth 2.0 Security BCP, refresh token rotation).
 */
final class SessionService {

  private final SessionStore sessions;
  private final UserStore users;
  private final HospitalStore hospitals;
  private final AccessTokens tokens;
  private final AuditTrail audit;
  private final Duration refreshTtl;

  SessionService(SessionStore sessions, UserStore users, HospitalStore hospitals, AccessTokens tokens, AuditTrail audit,
                 Duration refreshTtl) {
    this.sessions = sessions;
    this.users = users;
    this.hospitals = hospitals;
    this.tokens = tokens;
    this.audit = audit;
    this.refreshTtl = refreshTtl;
  }

  /**
   * Records the sign-in (fail closed: no record, no tokens), then opens a session for the user.
   * {@code method} is "password" or "sso".
   */
  Future<IssuedTokens> open(User user, String method, AuditEvent.Builder event) {
    String sessionId = UUID.randomUUID().toString();
    String refresh = OpaqueTokens.newToken();
    Instant now = Instant.now();
    Session session = new Session(sessionId, user.id(), method, now, now.plus(refreshTtl), null);
    return audit.record(event.actor(user.principal(sessionId)).resource("session", sessionId).detail(method)
            .build(AuditAction.LOGIN, AuditOutcome.SUCCESS))
        .compose(v -> sessions.insert(session, OpaqueTokens.sha256(refresh)))
        .compose(s -> issue(user, sessionId, refresh));
  }

  Future<IssuedTokens> refresh(String refreshToken, AuditEvent.Builder event) {
    String oldHash = OpaqueTokens.sha256(refreshToken);
    String next = OpaqueTokens.newToken();
    Instant now = Instant.now();
    return sessions.rotate(oldHash, OpaqueTokens.sha256(next), now.plus(refreshTtl), now).compose(rotated -> {
      if (rotated.isEmpty()) return refused(oldHash, event);
      Session s = rotated.get();
      return users.find(s.userId()).compose(found -> {
        User user = found.filter(u -> u.active() && !u.lockedAt(now)).orElse(null);
        if (user == null) {
          return sessions.revoke(s.id(), "user disabled or locked")
              .compose(v -> Future.failedFuture(invalid("The account can no longer sign in")));
        }
        return audit.record(event.actor(user.principal(s.id())).resource("session", s.id()).detail(null)
                .build(AuditAction.TOKEN_REFRESH, AuditOutcome.SUCCESS))
            .compose(v -> issue(user, s.id(), next));
      });
    });
  }

  /** Ends a session: its refresh token and every access token naming it stop working at once. */
  Future<Boolean> revoke(String sessionId, String reason) {
    return sessions.revoke(sessionId, reason);
  }

  /** Ends every session of a user but one (null: all), e.g. after a password change. */
  Future<Long> revokeAllOf(String userId, String exceptSessionId, String reason) {
    return sessions.revokeAllOf(userId, exceptSessionId, reason);
  }

  private Future<IssuedTokens> refused(String oldHash, AuditEvent.Builder event) {
    return sessions.findByRotated(oldHash).compose(reused -> {
      if (reused.isEmpty()) return Future.failedFuture(invalid("The refresh token is unknown, expired or revoked"));
      Session s = reused.get();
      return sessions.revoke(s.id(), "refresh token reused")
          .compose(wasLive -> users.find(s.userId()))
          .compose(user -> audit.record(actor(event, user, s.id()).resource("session", s.id())
              .detail("rotated refresh token presented again; session revoked").build(AuditAction.TOKEN_REFRESH, AuditOutcome.DENIED)))
          .compose(v -> Future.failedFuture(invalid("The refresh token was already used; sign in again")));
    });
  }

  private static AuditEvent.Builder actor(AuditEvent.Builder event, Optional<User> user, String sessionId) {
    return user.map(u -> event.actor(u.principal(sessionId))).orElse(event);
  }

  private Future<IssuedTokens> issue(User user, String sessionId, String refresh) {
    return hospitals.find(user.hospitalId()).map(h -> new IssuedTokens(tokens.issue(user, sessionId), refresh,
        tokens.ttlSeconds(), refreshTtl.toSeconds(), user, h.map(Hospital::name).orElse(null)));
  }

  private static ApiException invalid(String detail) {
    return new ApiException(ErrorCode.REFRESH_INVALID, detail);
  }
}
