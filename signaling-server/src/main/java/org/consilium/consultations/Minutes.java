package org.consilium.consultations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The consultation minutes of one request (biên bản hội chẩn, Circular 49/2017/TT-BYT): when, where, who took
 * part (with role and hospital), the patient summary, the discussion, the conclusion, the treatment
 * recommendation, the chair. Editions: once signed an edition is frozen; a later change is edition n+1
 * ({@code supersedes} n). {@code version} counts the saves of one edition (optimistic concurrency).
 */
record Minutes(String requestId, String sessionId, int edition, long version, boolean signed, Instant start, Instant end,
               String place, List<Participant> participants, String patientSummary, String discussion, String conclusion,
               String treatmentRecommendation, String chairId, String chairName, String updatedBy, Instant updatedAt,
               String signedBy, Instant signedAt) {

  static final String[] FIELDS = {"patientSummary", "discussion", "conclusion", "treatmentRecommendation", "version"};

  /** role: chair, member, requesting_doctor. */
  record Participant(String userId, String name, String role, String hospital) {
    JsonObject toJson() {
      return new JsonObject().put("userId", userId).put("name", name).put("role", role).put("hospital", hospital);
    }
  }

  Minutes {
    participants = List.copyOf(participants);
  }

  Minutes edited(String summary, String talk, String outcome, String treatment, String by, Instant at) {
    return new Minutes(requestId, sessionId, edition, version + 1, false, start, end, place, participants, summary, talk, outcome,
        treatment, chairId, chairName, by, at, null, null);
  }

  Minutes withSession(Session s, List<Participant> people, String chairDisplayName) {
    return new Minutes(requestId, s.id(), edition, version, signed, s.start(), s.end(), s.place(), people, patientSummary,
        discussion, conclusion, treatmentRecommendation, s.moderatorId(), chairDisplayName, updatedBy, updatedAt, signedBy, signedAt);
  }

  Minutes signedBy(String by, Instant at) {
    return new Minutes(requestId, sessionId, edition, version + 1, true, start, end, place, participants, patientSummary, discussion,
        conclusion, treatmentRecommendation, chairId, chairName, updatedBy, updatedAt, by, at);
  }

  /** The next edition, a draft with the same content, to amend signed minutes. */
  Minutes nextEdition(String by, Instant at) {
    return new Minutes(requestId, sessionId, edition + 1, 1, false, start, end, place, participants, patientSummary, discussion,
        conclusion, treatmentRecommendation, chairId, chairName, by, at, null, null);
  }

  JsonObject toJson() {
    return new JsonObject().put("requestId", requestId).put("sessionId", sessionId).put("edition", edition).put("version", version)
        .put("state", signed ? "signed" : "draft").put("start", start.toString()).put("end", end.toString())
        .put("localStart", start.atZone(Session.CLINIC_ZONE).toOffsetDateTime().toString()).put("place", place)
        .put("participants", new JsonArray(participants.stream().map(Participant::toJson).toList()))
        .put("patientSummary", patientSummary).put("discussion", discussion).put("conclusion", conclusion)
        .put("treatmentRecommendation", treatmentRecommendation).put("chairId", chairId).put("chairName", chairName)
        .put("updatedBy", updatedBy).put("updatedAt", updatedAt == null ? null : updatedAt.toString())
        .put("signedBy", signedBy).put("signedAt", signedAt == null ? null : signedAt.toString());
  }
}
