package org.consilium.consultations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A consultation session (hội chẩn): one or more requests (a tumour board reviews several patients),
 * hosted by the answering hospital, at a time stored in UTC. {@code committed} is false only while the
 * scheduling step is still moving its requests; such a session is invisible and swept if left behind.
 */
record Session(String id, String hostHospitalId, List<String> requestIds, List<String> patientIds,
               List<String> requesterIds, String moderatorId, List<String> specialistIds, Instant start, Instant end,
               String place, boolean emergency, SessionStatus status, String note, boolean committed, long version,
               String createdBy, Instant createdAt, Instant updatedAt, Instant openedAt) {

  static final ZoneId CLINIC_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  Session {
    requestIds = List.copyOf(requestIds);
    patientIds = List.copyOf(patientIds);
    requesterIds = List.copyOf(requesterIds);
    specialistIds = List.copyOf(specialistIds);
  }

  /** Moderator first, then the specialists, then the requesting doctors; each once. */
  List<String> participants() {
    Set<String> all = new LinkedHashSet<>();
    all.add(moderatorId);
    all.addAll(specialistIds);
    all.addAll(requesterIds);
    return List.copyOf(all);
  }

  /** The people whose calendars this session occupies (the requesting doctors join from their clinic). */
  List<String> consultants() {
    Set<String> all = new LinkedHashSet<>();
    all.add(moderatorId);
    all.addAll(specialistIds);
    return List.copyOf(all);
  }

  SessionRoster roster() {
    return new SessionRoster(id, moderatorId, participants(), patientIds, start, end, status.wire());
  }

  Session with(SessionStatus s, String why, Instant at) {
    return new Session(id, hostHospitalId, requestIds, patientIds, requesterIds, moderatorId, specialistIds, start, end,
        place, emergency, s, why, committed, version + 1, createdBy, createdAt, at,
        s == SessionStatus.OPEN && openedAt == null ? at : openedAt);
  }

  Session moved(Instant newStart, Instant newEnd, String newModerator, List<String> specialists, String newPlace, Instant at) {
    return new Session(id, hostHospitalId, requestIds, patientIds, requesterIds, newModerator, specialists, newStart, newEnd,
        newPlace, emergency, status, note, committed, version + 1, createdBy, createdAt, at, openedAt);
  }

  Session asCommitted() {
    return new Session(id, hostHospitalId, requestIds, patientIds, requesterIds, moderatorId, specialistIds, start, end,
        place, emergency, status, note, true, version + 1, createdBy, createdAt, updatedAt, openedAt);
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("hostHospitalId", hostHospitalId).put("requestIds", new JsonArray(requestIds))
        .put("patientIds", new JsonArray(patientIds)).put("requesterIds", new JsonArray(requesterIds))
        .put("moderatorId", moderatorId).put("specialistIds", new JsonArray(specialistIds))
        .put("participants", new JsonArray(participants()))
        .put("start", start.toString()).put("end", end.toString())
        .put("localStart", start.atZone(CLINIC_ZONE).toOffsetDateTime().toString())
        .put("localEnd", end.atZone(CLINIC_ZONE).toOffsetDateTime().toString()).put("timeZone", CLINIC_ZONE.getId())
        .put("durationMinutes", java.time.Duration.between(start, end).toMinutes())
        .put("place", place).put("emergency", emergency).put("status", status.wire()).put("note", note)
        .put("version", version).put("createdBy", createdBy).put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString()).put("openedAt", openedAt == null ? null : openedAt.toString());
  }
}
