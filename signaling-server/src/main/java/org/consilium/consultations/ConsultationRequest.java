package org.consilium.consultations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A district doctor's request for a specialist opinion on one patient. {@code targetHospitalId} null means
 * "any central hospital"; once a specialist accepts, {@code answeringHospitalId} is theirs.
 * Every change makes a new version (optimistic concurrency) and, for status changes, a {@link Transition}.
 */
record ConsultationRequest(String id, String patientId, String patientHospitalId, String requesterId,
                           String requesterHospitalId, String targetHospitalId, String answeringHospitalId,
                           RequestDetails details, RequestStatus status, List<Attachment> attachments,
                           List<Transition> history, String sessionId, List<String> participants, String acceptedBy,
                           long version, Instant createdAt, Instant updatedAt) {

  ConsultationRequest {
    attachments = List.copyOf(attachments);
    history = List.copyOf(history);
    participants = List.copyOf(participants);
  }

  /** The hospital whose specialists answer: the accepting one, else the target (null: any central hospital). */
  String answeringHospital() {
    return answeringHospitalId != null ? answeringHospitalId : targetHospitalId;
  }

  ConsultationRequest moved(RequestStatus to, String by, Instant at, String note) {
    List<Transition> h = new ArrayList<>(history);
    h.add(new Transition(status, to, by, at, note));
    return new ConsultationRequest(id, patientId, patientHospitalId, requesterId, requesterHospitalId, targetHospitalId,
        answeringHospitalId, details, to, attachments, h, sessionId, participants, acceptedBy, version + 1, createdAt, at);
  }

  ConsultationRequest accepted(String by, String hospitalId) {
    return new ConsultationRequest(id, patientId, patientHospitalId, requesterId, requesterHospitalId, targetHospitalId,
        hospitalId, details, status, attachments, history, sessionId, participants, by, version, createdAt, updatedAt);
  }

  /** Joins (or, with null, leaves) a session; the participants may then see the request. */
  ConsultationRequest inSession(String session, List<String> sessionParticipants) {
    return new ConsultationRequest(id, patientId, patientHospitalId, requesterId, requesterHospitalId, targetHospitalId,
        answeringHospitalId, details, status, attachments, history, session, sessionParticipants, acceptedBy, version,
        createdAt, updatedAt);
  }

  ConsultationRequest edited(RequestDetails d, String target, Instant at) {
    return new ConsultationRequest(id, patientId, patientHospitalId, requesterId, requesterHospitalId, target,
        answeringHospitalId, d, status, attachments, history, sessionId, participants, acceptedBy, version + 1, createdAt, at);
  }

  /** Drops the history after the last time the request reached {@code to}, and returns to it. */
  ConsultationRequest rewound(RequestStatus to) {
    int last = history.size() - 1;
    while (last > 0 && history.get(last).to() != to) last--;
    return new ConsultationRequest(id, patientId, patientHospitalId, requesterId, requesterHospitalId, targetHospitalId,
        answeringHospitalId, details, to, attachments, history.subList(0, last + 1), null, List.of(), acceptedBy, version + 1,
        createdAt, updatedAt);
  }

  ConsultationRequest withAttachment(Attachment a) {
    List<Attachment> list = new ArrayList<>(attachments);
    list.add(a);
    return new ConsultationRequest(id, patientId, patientHospitalId, requesterId, requesterHospitalId, targetHospitalId,
        answeringHospitalId, details, status, list, history, sessionId, participants, acceptedBy, version + 1, createdAt, a.addedAt());
  }

  Optional<Instant> firstAt(RequestStatus s) {
    return history.stream().filter(t -> t.to() == s).map(Transition::at).findFirst();
  }

  /** Emergency path: from submission to the room opening. */
  Optional<Duration> requestToRoom() {
    return firstAt(RequestStatus.SUBMITTED).flatMap(s -> firstAt(RequestStatus.IN_SESSION).map(o -> Duration.between(s, o)));
  }

  /**
   * {@code clinical} false is the administrator's view: enough to schedule, without the clinical text
   * (administrators never see patient data).
   */
  JsonObject toJson(boolean clinical) {
    JsonObject j = new JsonObject().put("id", id).put("patientId", patientId).put("requesterId", requesterId)
        .put("requesterHospitalId", requesterHospitalId).put("targetHospitalId", targetHospitalId)
        .put("answeringHospitalId", answeringHospital()).put("urgency", details.urgency().wire())
        .put("specialty", details.specialty()).put("status", status.wire())
        .put("allowedTransitions", new JsonArray(status.next().stream().map(RequestStatus::wire).toList()))
        .put("sessionId", sessionId).put("participants", new JsonArray(participants)).put("acceptedBy", acceptedBy).put("version", version)
        .put("createdAt", createdAt.toString()).put("updatedAt", updatedAt.toString())
        .put("history", new JsonArray(history.stream().map(Transition::toJson).toList()));
    firstAt(RequestStatus.SUBMITTED).ifPresent(t -> j.put("submittedAt", t.toString()));
    requestToRoom().ifPresent(d -> j.put("requestToRoomMillis", d.toMillis()));
    if (clinical) {
      j.put("reason", details.reason()).put("clinicalSummary", details.clinicalSummary()).put("question", details.question())
          .put("attachments", new JsonArray(attachments.stream().map(Attachment::toJson).toList()));
    }
    return j;
  }
}
