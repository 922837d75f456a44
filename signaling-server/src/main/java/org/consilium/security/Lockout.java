package org.consilium.security;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/**
 * Counts wrong passwords and locks an account after {@code maxFailures} in a row. The count is an atomic
 * {@code $inc}, so concurrent attempts on several nodes lose none; exactly one attempt sees the count reach
 * the limit, and only it locks the account and records ACCOUNT_LOCKED.
 */
final class Lockout {

  private final UserStore users;
  private final AuditTrail audit;
  private final int maxFailures;
  private final Duration lockFor;

  Lockout(UserStore users, AuditTrail audit, int maxFailures, Duration lockFor) {
    this.users = users;
    this.audit = audit;
    this.maxFailures = maxFailures;
    this.lockFor = lockFor;
  }

  /** Counts a wrong password; the end of the lock when this failure locked the account, else null. */
  Future<Instant> failed(User user, AuditEvent.Builder event) {
    return users.recordFailure(user.id()).compose(count -> {
      if (count != maxFailures) return Future.succeededFuture((Instant) null);
      Instant until = Instant.now().plus(lockFor);
      return users.lock(user.id(), until)
          .compose(v -> audit.record(event.detail("locked until " + until + " after " + count + " failed attempts")
              .build(AuditAction.ACCOUNT_LOCKED, AuditOutcome.SUCCESS)))
          .map(until);
    });
  }

  /** The answer to a sign-in while the account is locked. */
  static ApiException lockedAnswer(Instant until) {
    return new ApiException(ErrorCode.ACCOUNT_LOCKED, "Too many failed attempts; the account is locked until " + until
        + ". An administrator can unlock it sooner.");
  }

  /** A right password ends the run of failures. */
  Future<Void> succeeded(User user) {
    if (user.failedLogins() == 0 && user.lockedUntil() == null) return Future.succeededFuture();
    return users.clearFailures(user.id()).mapEmpty();
  }
}
