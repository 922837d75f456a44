package org.consilium.security;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/** User accounts as administrators manage them. Every change is audited before the answer leaves. */
final class UserService {

  /** The fields of a new account, validated by the route. */
  record NewUser(String username, String displayName, Role role, String hospitalId, String email, String specialty,
                 boolean active, String password) {
  }

  /** A user with the name of their hospital, as they see themself. */
  record Profile(User user, String hospitalName) {
  }

  private final UserStore users;
  private final HospitalStore hospitals;
  private final PasswordHasher hasher;
  private final SessionService sessions;
  private final AuditTrail audit;

  UserService(UserStore users, HospitalStore hospitals, PasswordHasher hasher, SessionService sessions, AuditTrail audit) {
    this.users = users;
    this.hospitals = hospitals;
    this.hasher = hasher;
    this.sessions = sessions;
    this.audit = audit;
  }

  Future<List<User>> list(String hospitalId, Role role) {
    return users.list(hospitalId, role);
  }

  Future<User> get(String id) {
    return users.find(id).map(u -> u.orElseThrow(() -> notFound(id)));
  }

  /** The user and the name of their hospital. */
  Future<Profile> profile(String id) {
    return get(id).compose(u -> hospitals.find(u.hospitalId()).map(h -> new Profile(u, h.map(Hospital::name).orElse(null))));
  }

  Future<User> create(NewUser n, AuditEvent.Builder event) {
    return requireHospital(n.hospitalId())
        .compose(v -> hasher.hash(n.password()))
        .compose(hash -> {
          Instant now = StoredRecords.now();
          return users.insert(new User(UUID.randomUUID().toString(), n.username(), n.displayName(), n.role(), n.hospitalId(),
              n.email(), n.specialty(), n.active(), hash, 0, null, 1, now, now));
        })
        .compose(u -> audited(event, u, AuditAction.CREATE, "role " + u.role().wire()));
  }

  Future<User> update(String id, long expectedVersion, UserEdit edit, AuditEvent.Builder event) {
    Future<Void> checks = edit.hospitalId() == null ? Future.succeededFuture() : requireHospital(edit.hospitalId());
    if (edit.removesAdministration()) checks = checks.compose(v -> keepsAnAdministrator(id));
    FieldChanges changes = edit.changes();
    return checks
        .compose(v -> users.update(id, expectedVersion, changes.update()))
        .compose(u -> u.active() ? Future.succeededFuture(u)
            : sessions.revokeAllOf(id, null, "account disabled").map(u))
        .compose(u -> audited(event, u, AuditAction.UPDATE, changes.describe()));
  }

  Future<User> unlock(String id, AuditEvent.Builder event) {
    return users.clearFailures(id)
        .map(u -> u.orElseThrow(() -> notFound(id)))
        .compose(u -> audited(event, u, AuditAction.ACCOUNT_UNLOCKED, "unlocked by administrator"));
  }

  private Future<User> audited(AuditEvent.Builder event, User u, AuditAction action, String detail) {
    return audit.record(event.resource("user", u.id()).detail(detail).build(action, AuditOutcome.SUCCESS)).map(u);
  }

  private Future<Void> requireHospital(String hospitalId) {
    return hospitals.find(hospitalId).compose(h -> h.isPresent() ? Future.<Void>succeededFuture()
        : Future.failedFuture(ApiException.invalid("/hospitalId", "names no hospital")));
  }

  /** Refuses to demote or disable the last active administrator: nobody could manage accounts afterwards. */
  private Future<Void> keepsAnAdministrator(String id) {
    return get(id).compose(target -> {
      if (target.role() != Role.ADMINISTRATOR || !target.active()) return Future.<Void>succeededFuture();
      return users.countActiveAdministrators(id).compose(others -> others > 0 ? Future.<Void>succeededFuture()
          : Future.failedFuture(new ApiException(ErrorCode.CONFLICT,
              "This is the last active administrator; make another user administrator first")));
    });
  }

  static ApiException notFound(String id) {
    return new ApiException(ErrorCode.USER_NOT_FOUND, "No user with id " + id);
  }
}
