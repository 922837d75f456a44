package org.consilium.security;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/** Hospitals: registered and edited by administrators, listed for everyone who picks a consulting hospital. */
final class HospitalService {

  private final HospitalStore hospitals;
  private final AuditTrail audit;

  HospitalService(HospitalStore hospitals, AuditTrail audit) {
    this.hospitals = hospitals;
    this.audit = audit;
  }

  Future<List<Hospital>> list(boolean includeInactive) {
    return hospitals.list(!includeInactive);
  }

  Future<Hospital> get(String id) {
    return hospitals.find(id).map(h -> h.orElseThrow(() -> notFound(id)));
  }

  Future<Hospital> create(String code, String name, HospitalLevel level, String province, boolean active,
                          AuditEvent.Builder event) {
    Instant now = StoredRecords.now();
    Hospital h = new Hospital(UUID.randomUUID().toString(), code, name, level, province, active, 1, now, now);
    return hospitals.insert(h)
        .compose(created -> audit.record(event.resource("hospital", created.id()).detail("code " + created.code())
            .build(AuditAction.CREATE, AuditOutcome.SUCCESS)).map(created));
  }

  Future<Hospital> update(String id, long expectedVersion, HospitalEdit edit, AuditEvent.Builder event) {
    FieldChanges changes = edit.changes();
    return hospitals.update(id, expectedVersion, changes.update())
        .compose(updated -> audit.record(event.resource("hospital", id).detail(changes.describe())
            .build(AuditAction.UPDATE, AuditOutcome.SUCCESS)).map(updated));
  }

  static ApiException notFound(String id) {
    return new ApiException(ErrorCode.HOSPITAL_NOT_FOUND, "No hospital with id " + id);
  }
}
