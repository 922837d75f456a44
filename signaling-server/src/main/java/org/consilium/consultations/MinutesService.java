package org.consilium.consultations;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.consilium.access.Principal;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.patients.Patient;
import org.consilium.patients.PatientService;
import org.consilium.security.StaffDirectory;
import org.consilium.store.Store;

/**
 * Minutes of a request's session. Everyone who sees the request clinically reads them; only the session's
 * chair (its moderator) writes them, while the session is open or concluded, and signs them once concluded.
 * Signing the first edition moves the request to signed; the request moves first and is put back if the
 * minutes cannot be signed, so the two never disagree.
 */
final class MinutesService {

  static final String RESOURCE = "consultation-minutes";

  /** Minutes with the patient they are about (for the PDF). */
  record ForPatient(Minutes minutes, Patient patient, ConsultationRequest request) {
  }

  private final Store store;
  private final MinutesStore minutes;
  private final RequestService requests;
  private final SessionService sessions;
  private final PatientService patients;
  private final StaffDirectory directory;
  private final AuditTrail audit;

  MinutesService(Store store, RequestService requests, SessionService sessions, PatientService patients, StaffDirectory directory,
                 AuditTrail audit) {
    this.store = store;
    this.minutes = new MinutesStore(store);
    this.requests = requests;
    this.sessions = sessions;
    this.patients = patients;
    this.directory = directory;
    this.audit = audit;
  }

  Future<Void> start() {
    return store.ensureIndexes(MinutesStore.COLLECTION, MinutesStore.indexes());
  }

  /** The latest edition (or {@code edition} > 0); a blank draft from the session when none was written yet. */
  Future<Minutes> read(Principal who, String requestId, int edition, AuditEvent.Builder event) {
    return clinical(who, requestId, AuditAction.READ, event).compose(r -> current(r, edition))
        .compose(m -> audit.record(event.resource(RESOURCE, requestId).detail("edition " + m.edition())
            .build(AuditAction.READ, AuditOutcome.SUCCESS)).map(m));
  }

  Future<Minutes> save(Principal who, String requestId, long expected, String summary, String discussion, String conclusion,
                       String treatment, AuditEvent.Builder event) {
    return chairOf(who, requestId, event).compose(ctx -> current(ctx.request(), 0).compose(m -> {
      if (m.signed()) return Future.failedFuture(signed(m));
      if (ctx.session().status() != SessionStatus.OPEN && ctx.session().status() != SessionStatus.CONCLUDED) {
        return Future.failedFuture(new ApiException(ErrorCode.TRANSITION_NOT_ALLOWED, "Minutes are written once the session is open"));
      }
      if (m.version() != expected) return Future.failedFuture(changedMeanwhile());
      return participants(ctx.session()).compose(people -> {
        Minutes next = m.withSession(ctx.session(), people, people.get(0).name())
            .edited(summary, discussion, conclusion, treatment, who.userId(), RequestService.now());
        return store.write(() -> next.version() == 1 ? minutes.insert(next) : minutes.replace(next))
            .compose(ok -> ok ? recordedOrUndone(event, next, m.version() == 0 ? null : m, "saved", AuditAction.UPDATE)
                : Future.failedFuture(changedMeanwhile()));
      });
    }));
  }

  /** Freezes the current edition. Needs a conclusion and a concluded session. */
  Future<Minutes> sign(Principal who, String requestId, long expected, AuditEvent.Builder event) {
    return chairOf(who, requestId, event).compose(ctx -> current(ctx.request(), 0).compose(m -> {
      if (m.signed()) return Future.failedFuture(signed(m));
      if (m.version() != expected) return Future.failedFuture(changedMeanwhile());
      if (ctx.session().status() != SessionStatus.CONCLUDED) {
        return Future.failedFuture(new ApiException(ErrorCode.TRANSITION_NOT_ALLOWED, "Conclude the session before signing its minutes"));
      }
      if (m.version() == 0 || m.conclusion() == null || m.conclusion().isBlank()) {
        return Future.failedFuture(ApiException.invalid("/conclusion", "is required to sign"));
      }
      Minutes next = m.signedBy(who.userId(), RequestService.now());
      ConsultationRequest r = ctx.request();
      Future<ConsultationRequest> moved = r.status() == RequestStatus.CONCLUDED
          ? requests.apply(r, x -> x.moved(RequestStatus.SIGNED, who.userId(), next.signedAt(), "minutes edition " + m.edition()), event)
          : Future.succeededFuture(null);
      return moved.compose(written -> store.write(() -> minutes.replace(next)).compose(ok -> {
        Future<Minutes> done = ok ? recordedOrUndone(event, next, m, "signed", AuditAction.UPDATE) : Future.failedFuture(changedMeanwhile());
        return done.recover(e -> (written == null ? Future.succeededFuture(true) : requests.undo(written, r))
            .compose(x -> Future.failedFuture(e)));
      }));
    }));
  }

  /** A new draft edition of signed minutes, to correct or complete them; the signed one stays as it is. */
  Future<Minutes> amend(Principal who, String requestId, AuditEvent.Builder event) {
    return chairOf(who, requestId, event).compose(ctx -> current(ctx.request(), 0).compose(m -> {
      if (!m.signed()) return Future.failedFuture(new ApiException(ErrorCode.TRANSITION_NOT_ALLOWED, "Edition " + m.edition() + " is still a draft; edit it"));
      Minutes next = m.nextEdition(who.userId(), RequestService.now());
      return store.write(() -> minutes.insert(next))
          .compose(ok -> ok ? recordedOrUndone(event, next, null, "new edition", AuditAction.CREATE) : Future.failedFuture(changedMeanwhile()));
    }));
  }

  /** Stored minutes with their patient, for export; the caller records the export. */
  Future<ForPatient> forExport(Principal who, String requestId, int edition, AuditEvent.Builder event) {
    return clinical(who, requestId, AuditAction.EXPORT, event).compose(r -> store.read(() -> minutes.find(requestId, edition))
        .compose(m -> m == null ? Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "No minutes written for this request yet"))
            : patients.requireVisible(who, r.patientId()).map(p -> new ForPatient(m, p, r))))
        .compose(f -> audit.record(event.resource(RESOURCE, requestId).patient(f.request().patientId()).detail("pdf edition " + f.minutes().edition())
            .build(AuditAction.EXPORT, AuditOutcome.SUCCESS)).map(f));
  }

  private record Chair(ConsultationRequest request, Session session) {
  }

  private Future<Chair> chairOf(Principal who, String requestId, AuditEvent.Builder event) {
    return clinical(who, requestId, AuditAction.UPDATE, event).compose(r -> r.sessionId() == null
        ? Future.failedFuture(new ApiException(ErrorCode.TRANSITION_NOT_ALLOWED, "This request has no session, so no minutes"))
        : sessions.find(r.sessionId()).compose(s -> s.isPresent() && s.get().moderatorId().equals(who.userId())
            ? Future.succeededFuture(new Chair(r, s.get()))
            : Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "Only the chair of the session writes and signs its minutes"))));
  }

  private Future<ConsultationRequest> clinical(Principal who, String requestId, AuditAction action, AuditEvent.Builder event) {
    return requests.visible(who, requestId, action, event).compose(seen -> seen.access() == RequestAccess.CLINICAL
        ? requests.grantPatient(who, seen).map(seen.request())
        : Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "Minutes hold clinical text; administrators do not see them")));
  }

  private Future<Minutes> current(ConsultationRequest r, int edition) {
    return store.read(() -> minutes.find(r.id(), edition)).compose(m -> {
      if (m != null) return Future.succeededFuture(m);
      if (edition > 1 || r.sessionId() == null) return Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "No such minutes"));
      return sessions.find(r.sessionId()).compose(s -> s.isEmpty() ? Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "No such minutes"))
          : participants(s.get()).map(people -> new Minutes(r.id(), s.get().id(), 1, 0, false, s.get().start(), s.get().end(), s.get().place(),
              people, r.details().clinicalSummary(), null, null, null, s.get().moderatorId(), people.get(0).name(), null, null, null, null)));
    });
  }

  /** Chair first, then the invited specialists, then the requesting doctors, with their hospitals' names. */
  private Future<List<Minutes.Participant>> participants(Session s) {
    List<Future<Minutes.Participant>> each = new ArrayList<>();
    for (String id : s.participants()) {
      String role = id.equals(s.moderatorId()) ? "chair" : s.specialistIds().contains(id) ? "member" : "requesting_doctor";
      each.add(directory.member(id).compose(m -> m.isEmpty() ? Future.succeededFuture(new Minutes.Participant(id, id, role, ""))
          : directory.hospital(m.get().hospitalId()).map(h -> new Minutes.Participant(id, m.get().displayName(), role,
              h.map(StaffDirectory.HospitalEntry::name).orElse("")))));
    }
    return Future.all(each).map(all -> each.stream().map(Future::result).toList());
  }

  /** Records the write; if the record fails, the write is undone (nothing changes unrecorded) and the failure returned. */
  private Future<Minutes> recordedOrUndone(AuditEvent.Builder event, Minutes written, Minutes previous, String what, AuditAction action) {
    return audit.record(event.resource(RESOURCE, written.requestId()).detail(what + " edition " + written.edition())
            .build(action, AuditOutcome.SUCCESS)).map(written)
        .recover(failure -> store.write(() -> minutes.restore(written, previous)).transform(x -> Future.failedFuture(failure)));
  }

  private static ApiException signed(Minutes m) {
    return new ApiException(ErrorCode.MINUTES_SIGNED, "Edition " + m.edition() + " is signed and cannot change; start a new edition");
  }

  private static ApiException changedMeanwhile() {
    return new ApiException(ErrorCode.PRECONDITION_FAILED, "The minutes were changed meanwhile; read them again and redo your change");
  }
}
