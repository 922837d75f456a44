package org.consilium.security;

import io.vertx.core.Future;
import java.time.Instant;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/**
 * Sign-in with username and password. An unknown username is checked against a dummy hash and answers the
 * same error as a wrong password, so neither the answer nor its timing tells whether an account exists.
 * Every attempt is audited before the answer leaves.
 */
final class LoginService {

  private final UserStore users;
  private final PasswordHasher hasher;
  private final Lockout lockout;
  private final SessionService sessions;
  private final AuditTrail audit;

  LoginService(UserStore users, PasswordHasher hasher, Lockout lockout, SessionService sessions, AuditTrail audit) {
    this.users = users;
    this.hasher = hasher;
    this.lockout = lockout;
    this.sessions = sessions;
    this.audit = audit;
  }

  Future<IssuedTokens> login(String username, String password, AuditEvent.Builder event) {
    event.actorName(username);
    return users.findByUsername(username).compose(found -> {
      User user = found.orElse(null);
      if (user != null) event.actor(user.principal(null)).resource("user", user.id());
      if (user != null && user.lockedAt(Instant.now())) {
        return refuse(event, "account locked", Lockout.lockedAnswer(user.lockedUntil()));
      }
      return hasher.matches(password, user == null ? null : user.passwordHash()).compose(ok -> {
        if (user == null) return refuse(event, "unknown username", wrongPassword());
        if (!ok) {
          return lockout.failed(user, event).compose(lockedUntil -> refuse(event, "wrong password",
              lockedUntil != null ? Lockout.lockedAnswer(lockedUntil) : wrongPassword()));
        }
        if (!user.active()) {
          return refuse(event, "account disabled",
              new ApiException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled; ask your administrator"));
        }
        return lockout.succeeded(user).compose(v -> sessions.open(user, "password", event));
      });
    });
  }

  private <T> Future<T> refuse(AuditEvent.Builder event, String why, ApiException answer) {
    return audit.record(event.detail(why).build(AuditAction.LOGIN_FAILED, AuditOutcome.FAILED))
        .compose(v -> Future.failedFuture(answer));
  }

  private static ApiException wrongPassword() {
    return new ApiException(ErrorCode.LOGIN_FAILED, "Wrong username or password");
  }
}
