package org.consilium.security;

import io.vertx.core.Future;
import org.consilium.access.Principal;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;

/**
 * Password changes: by the user (who proves the current one; other sessions end) and resets by an
 * administrator (every session of the user ends).
 */
final class PasswordService {

  private final UserStore users;
  private final PasswordHasher hasher;
  private final Lockout lockout;
  private final SessionService sessions;
  private final AuditTrail audit;

  PasswordService(UserStore users, PasswordHasher hasher, Lockout lockout, SessionService sessions, AuditTrail audit) {
    this.users = users;
    this.hasher = hasher;
    this.lockout = lockout;
    this.sessions = sessions;
    this.audit = audit;
  }

  /**
   * A wrong current password counts as a failed login: a stolen access token must not become a way to guess
   * the password without limit.
   */
  Future<Void> change(Principal who, String current, String next, AuditEvent.Builder event) {
    event.resource("user", who.userId());
    return users.find(who.userId()).map(u -> u.orElseThrow(() -> UserService.notFound(who.userId())))
        .compose(user -> hasher.matches(current, user.passwordHash()).compose(ok -> {
          if (ok) return lockout.succeeded(user).compose(v -> store(user.id(), next, who.sessionId(), event, "changed by the user"));
          return lockout.failed(user, event).compose(lockedUntil -> audit.record(event.detail("wrong current password")
                  .build(AuditAction.PASSWORD_CHANGE, AuditOutcome.FAILED))
              .compose(v -> Future.failedFuture(lockedUntil != null ? Lockout.lockedAnswer(lockedUntil)
                  : ApiException.invalid("/currentPassword", "is not your current password"))));
        }));
  }

  Future<Void> reset(String userId, String next, AuditEvent.Builder event) {
    event.resource("user", userId);
    return users.find(userId).map(u -> u.orElseThrow(() -> UserService.notFound(userId)))
        .compose(user -> store(user.id(), next, null, event, "reset by an administrator"));
  }

  private Future<Void> store(String userId, String password, String keepSession, AuditEvent.Builder event, String detail) {
    return hasher.hash(password)
        .compose(hash -> users.setPasswordHash(userId, hash))
        .compose(v -> sessions.revokeAllOf(userId, keepSession, "password changed"))
        .compose(n -> audit.record(event.detail(detail).build(AuditAction.PASSWORD_CHANGE, AuditOutcome.SUCCESS)));
  }
}
