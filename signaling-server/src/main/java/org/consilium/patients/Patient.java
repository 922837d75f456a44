package org.consilium.patients;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A patient record, managed by one hospital ({@code hospitalId}, the creator's hospital). {@code version}
 * starts at 1 and grows with every update; it is the ETag that guards against lost updates.
 */
public record Patient(String id, PatientDetails details, String hospitalId, long version, Instant createdAt,
                      Instant updatedAt, String createdBy, String updatedBy) {

  /** The API representation. */
  public JsonObject toJson() {
    PatientDetails d = details;
    return new JsonObject()
        .put("id", id)
        .put("fullName", d.fullName())
        .put("birthDate", d.birthDate() == null ? null : d.birthDate().toString())
        .put("sex", d.sex().wire())
        .put("citizenId", d.citizenId())
        .put("insuranceNumber", d.insuranceNumber())
        .put("phone", d.phone())
        .put("address", d.address())
        .put("hospitalId", hospitalId)
        .put("medicalRecordNumber", d.medicalRecordNumber())
        .put("version", version)
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString());
  }

  Patient updated(PatientDetails newDetails, String byUserId, Instant at) {
    return new Patient(id, newDetails, hospitalId, version + 1, createdAt, at, createdBy, byUserId);
  }
}
