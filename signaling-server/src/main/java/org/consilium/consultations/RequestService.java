package org.consilium.consultations;

import com.mongodb.client.model.Filters;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.bson.conversions.Bson;
import org.consilium.access.CareTeam;
import org.consilium.access.Principal;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.patients.PatientService;
import org.consilium.security.StaffDirectory;
import org.consilium.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consultation requests: creation, the lifecycle, who sees what. Every read and change is audited before
 * its Future completes; a change whose record fails is undone. A clinician of another hospital who may see
 * a request gets a care-team grant on its patient (reason "consultation &lt;id&gt;"), so the patient pages and
 * the imaging open for them too.
 */
final class RequestService {

  private static final Logger LOG = LoggerFactory.getLogger(RequestService.class);
  static final String RESOURCE = "consultation";
  /** Long enough for follow-up questions after the session; renewed whenever the request is opened again. */
  private static final Duration GRANT_FOR = Duration.ofDays(90);
  private static final int WORKLIST_LIMIT = 200;

  /** A request as one caller may see it. */
  record Seen(ConsultationRequest request, RequestAccess access) {
    io.vertx.core.json.JsonObject toJson() {
      return request.toJson(access == RequestAccess.CLINICAL);
    }
  }

  private final Store store;
  private final RequestStore requests;
  private final PatientService patients;
  private final CareTeam careTeam;
  private final StaffDirectory directory;
  private final AuditTrail audit;
  private final RequestAlerts alerts;

  RequestService(Store store, PatientService patients, CareTeam careTeam, StaffDirectory directory, AuditTrail audit,
                 RequestAlerts alerts) {
    this.store = store;
    this.requests = new RequestStore(store);
    this.patients = patients;
    this.careTeam = careTeam;
    this.directory = directory;
    this.audit = audit;
    this.alerts = alerts;
  }

  Future<Void> start() {
    return store.ensureIndexes(RequestStore.COLLECTION, RequestStore.indexes());
  }

  /** A draft for a patient the caller may see, to the target hospital (null: any central hospital). */
  Future<Seen> create(Principal who, String patientId, RequestDetails details, String targetHospitalId, AuditEvent.Builder event) {
    return patients.requireVisible(who, patientId)
        .compose(patient -> checkTarget(who, targetHospitalId).map(patient))
        .compose(patient -> {
          Instant now = now();
          ConsultationRequest r = new ConsultationRequest(UUID.randomUUID().toString(), patient.id(), patient.hospitalId(),
              who.userId(), who.hospitalId(), targetHospitalId, null, details, RequestStatus.DRAFT, List.of(),
              List.of(new Transition(null, RequestStatus.DRAFT, who.userId(), now, null)), null, List.of(), null, 1, now, now);
          event.resource(RESOURCE, r.id()).patient(r.patientId());
          return store.write(() -> {
            requests.insert(r);
            return r;
          }).compose(saved -> audited(event.build(AuditAction.CREATE, AuditOutcome.SUCCESS), saved, () -> {
            requests.delete(saved.id());
            return true;
          }));
        })
        .map(r -> new Seen(r, RequestAccess.CLINICAL));
  }

  /** The request if the caller may see it, else 404 (recorded); grants its patient to a consultant who may. */
  Future<Seen> read(Principal who, String id, AuditEvent.Builder event) {
    return visible(who, id, AuditAction.READ, event)
        .compose(seen -> grantPatient(who, seen).map(seen))
        .compose(seen -> audit.record(event.patient(seen.request().patientId()).build(AuditAction.READ, AuditOutcome.SUCCESS))
            .map(seen));
  }

  /**
   * A worklist: mine, hospital (sent by my hospital), incoming (to my hospital), participating, or one patient's
   * consultations (for the patient's record), each filtered to the requests the caller may see.
   */
  Future<List<Seen>> worklist(Principal who, String view, String patientId, RequestStatus status, AuditEvent.Builder event) {
    return central(who).compose(isCentral -> {
      List<Bson> and = new ArrayList<>();
      switch (view) {
        case "mine" -> and.add(Filters.eq("requesterId", who.userId()));
        case "hospital" -> and.add(Filters.eq("requesterHospitalId", who.hospitalId()));
        case "participating" -> and.add(Filters.eq("participants", who.userId()));
        case "patient" -> and.add(Filters.eq("patientId", patientId));
        default -> and.add(Filters.and(Filters.ne("status", RequestStatus.DRAFT.wire()), isCentral
            ? Filters.or(Filters.eq("answeringHospitalId", who.hospitalId()), Filters.eq("anyCentral", true))
            : Filters.eq("answeringHospitalId", who.hospitalId())));
      }
      if (status != null) and.add(Filters.eq("status", status.wire()));
      return store.read(() -> requests.list(Filters.and(and), WORKLIST_LIMIT)).map(list -> list.stream()
          .map(r -> new Seen(r, RequestAccess.of(who, r, isCentral))).filter(s -> s.access() != RequestAccess.NONE).toList());
    }).compose(list -> audit.record(event.resource(RESOURCE, null).patient(patientId).detail("view=" + view + " results=" + list.size())
        .build(AuditAction.SEARCH, AuditOutcome.SUCCESS)).map(list));
  }

  /** Edits a draft (the requester only). */
  Future<Seen> edit(Principal who, String id, long expected, RequestDetails details, String target, AuditEvent.Builder event) {
    return visible(who, id, AuditAction.UPDATE, event).compose(seen -> {
      ConsultationRequest r = seen.request();
      if (!who.userId().equals(r.requesterId())) return forbidden("Only the requesting doctor edits the request");
      if (r.status() != RequestStatus.DRAFT) {
        return Future.failedFuture(new ApiException(ErrorCode.TRANSITION_NOT_ALLOWED, "Only a draft can be edited; this request is " + r.status().wire()));
      }
      return checkTarget(who, target).compose(v -> save(r, expected, r.edited(details, target, now()), event, "edited"))
          .map(saved -> new Seen(saved, RequestAccess.CLINICAL));
    });
  }

  /** A status change asked for by a person (submit, accept, decline, cancel). */
  Future<Seen> transition(Principal who, String id, RequestStatus to, long expected, String note, AuditEvent.Builder event) {
    return visible(who, id, AuditAction.UPDATE, event).compose(seen -> central(who).compose(isCentral -> {
      ConsultationRequest r = seen.request();
      if (to == RequestStatus.ACCEPTED && r.acceptedBy() != null) return Future.failedFuture(alreadyTaken());
      checkLegal(r, to);
      switch (to) {
        case SUBMITTED -> {
          if (!who.userId().equals(r.requesterId())) return forbidden("Only the requesting doctor submits the request");
          List<String> missing = r.details().missingForSubmission();
          if (!missing.isEmpty()) {
            return Future.failedFuture(ApiException.invalid(missing.stream().map(p -> new org.consilium.http.FieldError(p, "is required to submit")).toList()));
          }
        }
        case ACCEPTED, DECLINED -> {
          if (!RequestAccess.mayAnswer(who, r, isCentral)) return forbidden("Only the answering hospital accepts or declines");
        }
        case CANCELLED -> {
          if (!RequestAccess.mayCancel(who, r)) return forbidden("Only the requesting doctor or an administrator cancels");
        }
        default -> {
          return Future.failedFuture(new ApiException(ErrorCode.TRANSITION_NOT_ALLOWED,
              to.wire() + " follows from the session (schedule, open, conclude, sign), not from a request"));
        }
      }
      if ((to == RequestStatus.DECLINED || to == RequestStatus.CANCELLED) && (note == null || note.isBlank())) {
        return Future.failedFuture(ApiException.invalid("/reason", "is required to " + (to == RequestStatus.DECLINED ? "decline" : "cancel")));
      }
      ConsultationRequest next = r.moved(to, who.userId(), now(), note);
      if (to == RequestStatus.ACCEPTED) next = next.accepted(who.userId(), who.hospitalId());
      return save(r, expected, next, event, r.status().wire() + "->" + to.wire())
          .recover(e -> to == RequestStatus.ACCEPTED && e instanceof ApiException a && a.code() == ErrorCode.PRECONDITION_FAILED
              ? store.read(() -> requests.find(id)).compose(now -> Future.failedFuture(now != null && now.acceptedBy() != null ? alreadyTaken() : e))
              : Future.failedFuture(e))
          .map(saved -> new Seen(saved, RequestAccess.of(who, saved, isCentral)));
    })).compose(saved -> grantPatient(who, saved).map(saved));
  }

  /**
   * Adds an attachment whose file is already stored. Retries on a concurrent change (an attachment does not
   * conflict with a status change); refused once the request is closed.
   */
  Future<Seen> attach(Principal who, String id, Attachment a, AuditEvent.Builder event) {
    return visible(who, id, AuditAction.CREATE, event).compose(seen -> attachTo(who, seen, a, event, 3));
  }

  private Future<Seen> attachTo(Principal who, Seen seen, Attachment a, AuditEvent.Builder event, int tries) {
    ConsultationRequest r = seen.request();
    if (seen.access() != RequestAccess.CLINICAL) return forbidden("Only clinicians taking part attach documents");
    if (!r.status().open()) {
      return Future.failedFuture(new ApiException(ErrorCode.TRANSITION_NOT_ALLOWED, "A " + r.status().wire() + " request takes no more attachments"));
    }
    ConsultationRequest next = r.withAttachment(a);
    return store.write(() -> requests.replace(next, r.version())).compose(ok -> {
      if (!ok && tries > 1) {
        return store.read(() -> requests.find(r.id())).compose(now -> attachTo(who, new Seen(now, seen.access()), a, event, tries - 1));
      }
      if (!ok) return Future.failedFuture(changedMeanwhile());
      return audited(event.patient(r.patientId()).detail("attachment " + a.kind()).build(AuditAction.CREATE, AuditOutcome.SUCCESS),
          next, () -> requests.restore(next, r)).map(saved -> new Seen(saved, seen.access()));
    });
  }

  /** The request if the caller may see it at all; otherwise a recorded refusal and 404. */
  Future<Seen> visible(Principal who, String id, AuditAction action, AuditEvent.Builder event) {
    event.resource(RESOURCE, id);
    return store.read(() -> requests.find(id)).compose(r -> r == null ? Future.succeededFuture(new Seen(null, RequestAccess.NONE))
            : central(who).map(c -> new Seen(r, RequestAccess.of(who, r, c))))
        .compose(seen -> {
          if (seen.access() != RequestAccess.NONE) return Future.succeededFuture(seen);
          AuditEvent refused = seen.request() == null ? event.detail("not found").build(action, AuditOutcome.FAILED)
              : event.patient(seen.request().patientId()).detail("not involved").build(action, AuditOutcome.DENIED);
          return audit.record(refused).compose(v -> Future.failedFuture(notFound()));
        });
  }

  /** Requests by id, for the scheduling of sessions (no access check: the caller did it). */
  Future<List<ConsultationRequest>> load(List<String> ids) {
    return store.read(() -> requests.findAll(ids));
  }

  /**
   * Applies {@code change} (a step the session makes: scheduled, in session, concluded...) to the request if
   * it is still at the version read, records it, and alerts. Fails with 412 when it changed meanwhile.
   */
  Future<ConsultationRequest> apply(ConsultationRequest current, UnaryOperator<ConsultationRequest> change, AuditEvent.Builder event) {
    ConsultationRequest next = change.apply(current);
    try {
      next.history().subList(current.history().size(), next.history().size()).forEach(t -> checkLegal(t.from(), t.to()));
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    return save(current, current.version(), next, event.resource(RESOURCE, current.id()), current.status().wire() + "->" + next.status().wire());
  }

  /**
   * Takes a request out of a session whose scheduling a crash left half done: back to accepted, the
   * scheduling steps dropped from its history. Recorded as done by the system.
   */
  Future<Void> revertScheduling(ConsultationRequest r) {
    ConsultationRequest back = r.rewound(RequestStatus.ACCEPTED);
    return store.write(() -> requests.replace(back, r.version())).compose(ok -> !ok ? Future.succeededFuture()
        : audit.record(new AuditEvent(now(), null, "system", null, null, AuditAction.UPDATE, RESOURCE, r.id(), r.patientId(),
            AuditOutcome.SUCCESS, null, null, "unfinished scheduling undone")));
  }

  /** Puts a request back as it was before {@code written} (compensation when a multi-request step fails). */
  Future<Boolean> undo(ConsultationRequest written, ConsultationRequest previous) {
    return store.write(() -> requests.restore(written, previous));
  }

  private Future<ConsultationRequest> save(ConsultationRequest current, long expected, ConsultationRequest next, AuditEvent.Builder event, String detail) {
    if (current.version() != expected) return Future.failedFuture(changedMeanwhile());
    return store.write(() -> requests.replace(next, expected) ? next : null)
        .compose(saved -> saved == null ? Future.failedFuture(changedMeanwhile())
            : audited(event.patient(saved.patientId()).detail(detail).build(AuditAction.UPDATE, AuditOutcome.SUCCESS), saved,
                () -> requests.restore(saved, current)))
        .onSuccess(saved -> alerts.changed(current, saved));
  }

  private Future<ConsultationRequest> audited(AuditEvent event, ConsultationRequest saved, java.util.concurrent.Callable<Boolean> undo) {
    return audit.record(event).map(saved).recover(failure -> store.write(undo).transform(undone -> {
      if (undone.failed() || !Boolean.TRUE.equals(undone.result())) {
        LOG.atError().addKeyValue("requestId", saved.id()).log("A consultation change could not be audited nor undone");
      }
      return Future.failedFuture(failure);
    }));
  }

  /** A consulting clinician of another hospital gets (or renews) the care relationship to the request's patient. */
  Future<Void> grantPatient(Principal who, Seen seen) {
    ConsultationRequest r = seen.request();
    if (seen.access() != RequestAccess.CLINICAL || who.hospitalId().equals(r.patientHospitalId())) return Future.succeededFuture();
    return careTeam.maySee(who, r.patientId(), r.patientHospitalId()).compose(already -> already ? Future.succeededFuture()
        : careTeam.grant(r.patientId(), who.userId(), "consultation " + r.id(), who.userId(), now().plus(GRANT_FOR)).mapEmpty());
  }

  private Future<Void> checkTarget(Principal who, String targetHospitalId) {
    if (targetHospitalId == null) return Future.succeededFuture();
    return directory.hospital(targetHospitalId).compose(h -> {
      if (h.isEmpty() || !h.get().active()) return Future.failedFuture(ApiException.invalid("/targetHospitalId", "is not an active hospital"));
      if (h.get().id().equals(who.hospitalId())) return Future.failedFuture(ApiException.invalid("/targetHospitalId", "must be another hospital than yours"));
      return Future.succeededFuture();
    });
  }

  Future<Boolean> central(Principal who) {
    return directory.hospital(who.hospitalId()).map(h -> h.map(StaffDirectory.HospitalEntry::central).orElse(false));
  }

  private static void checkLegal(ConsultationRequest r, RequestStatus to) {
    checkLegal(r.status(), to);
  }

  private static void checkLegal(RequestStatus from, RequestStatus to) {
    if (!from.next().contains(to)) {
      throw new ApiException(ErrorCode.TRANSITION_NOT_ALLOWED, "A request cannot go from " + from.wire() + " to "
          + to.wire() + "; allowed " + from.allowedText());
    }
  }

  private static <T> Future<T> forbidden(String detail) {
    return Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, detail));
  }

  static ApiException notFound() {
    return new ApiException(ErrorCode.CONSULTATION_NOT_FOUND, "No such consultation request, or not one you take part in");
  }

  private static ApiException alreadyTaken() {
    return new ApiException(ErrorCode.ALREADY_TAKEN, "Another specialist accepted this request first");
  }

  private static ApiException changedMeanwhile() {
    return new ApiException(ErrorCode.PRECONDITION_FAILED, "The request was changed by someone else; read it again and redo your change");
  }

  static Instant now() {
    return Instant.ofEpochMilli(System.currentTimeMillis());
  }
}
