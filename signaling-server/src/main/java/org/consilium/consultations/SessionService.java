package org.consilium.consultations;

import com.mongodb.client.model.Filters;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.store.Store;

/**
 * Consultation sessions: scheduling (with conflict checks), rescheduling, cancelling, opening and concluding,
 * and the roster the rooms capability admits people by. A session and its requests are several documents and
 * there are no transactions: the session is written first as uncommitted (invisible), then each request
 * moves by a conditional update, then the session is committed. A failed step undoes the steps before it;
 * a crash in between leaves an uncommitted session that {@link #sweep} undoes at the next start.
 */
public final class SessionService {

  static final String RESOURCE = "consultation-session";
  /** An emergency session is opened at once for this long; the moderator concludes it when done. */
  private static final Duration EMERGENCY_LENGTH = Duration.ofMinutes(60);

  private final Store store;
  private final SessionStore sessions;
  private final RequestService requests;
  private final Conflicts conflicts;
  private final AuditTrail audit;
  private final Announcements announce;

  SessionService(Store store, RequestService requests, Conflicts conflicts, AuditTrail audit, Announcements announce) {
    this.store = store;
    this.sessions = new SessionStore(store);
    this.requests = requests;
    this.conflicts = conflicts;
    this.audit = audit;
    this.announce = announce;
  }

  Future<Void> start() {
    return store.ensureIndexes(SessionStore.COLLECTION, SessionStore.indexes()).compose(v -> sweep());
  }

  /** Who takes part in a session, for the rooms capability; empty when there is no such (committed) session. */
  public Future<Optional<SessionRoster>> roster(String sessionId) {
    return store.read(() -> Optional.ofNullable(sessions.find(sessionId)).map(Session::roster));
  }

  /** Whether the user takes part in a consultation session (not cancelled) about the patient, for flag review. */
  public Future<Boolean> takesPart(String userId, String patientId) {
    return store.read(() -> sessions.takesPart(userId, patientId));
  }

  /** Schedules a session for accepted requests to the administrator's hospital; 409 names every clash. */
  Future<Session> schedule(Principal who, SessionPlan plan, AuditEvent.Builder event) {
    return requests.load(plan.requestIds()).compose(found -> {
      List<ConsultationRequest> chosen = new ArrayList<>();
      List<org.consilium.http.FieldError> wrong = new ArrayList<>();
      for (String id : plan.requestIds()) {
        Optional<ConsultationRequest> r = found.stream().filter(x -> x.id().equals(id)).findFirst();
        if (r.isEmpty() || r.get().status() == RequestStatus.DRAFT || !who.hospitalId().equals(r.get().answeringHospital())) {
          wrong.add(new org.consilium.http.FieldError("/requestIds", id + " is not a request to your hospital"));
        } else if (r.get().status() != RequestStatus.ACCEPTED) {
          wrong.add(new org.consilium.http.FieldError("/requestIds", id + " is " + r.get().status().wire() + "; only accepted requests are scheduled"));
        } else {
          chosen.add(r.get());
        }
      }
      if (!wrong.isEmpty()) return Future.failedFuture(new ApiException(ErrorCode.TRANSITION_NOT_ALLOWED, wrong.get(0).detail(), wrong));
      Instant now = RequestService.now();
      Session s = new Session(UUID.randomUUID().toString(), who.hospitalId(), chosen.stream().map(ConsultationRequest::id).toList(),
          chosen.stream().map(ConsultationRequest::patientId).distinct().toList(),
          chosen.stream().map(ConsultationRequest::requesterId).distinct().toList(), plan.moderatorId(),
          plan.consultants().stream().filter(id -> !id.equals(plan.moderatorId())).toList(), plan.start(), plan.end(),
          plan.place(), false, SessionStatus.SCHEDULED, null, false, 1, who.userId(), now, now, null);
      return conflicts.check(s).compose(v -> create(s, chosen, event, r -> r.moved(RequestStatus.SCHEDULED, who.userId(), now, null)));
    }).onSuccess(s -> announce.session("session-scheduled", s, List.of()));
  }

  /**
   * The emergency path: the accepting specialist moderates a session that opens now, without availability
   * checks (they are on call and just said yes). The request goes accepted, scheduled, in session at once.
   */
  Future<Session> openImmediately(Principal who, ConsultationRequest accepted, AuditEvent.Builder event) {
    Instant now = RequestService.now();
    Session s = new Session(UUID.randomUUID().toString(), who.hospitalId(), List.of(accepted.id()), List.of(accepted.patientId()),
        List.of(accepted.requesterId()), who.userId(), List.of(), now, now.plus(EMERGENCY_LENGTH), null, true,
        SessionStatus.OPEN, null, false, 1, who.userId(), now, now, now);
    return create(s, List.of(accepted), event, r -> r.moved(RequestStatus.SCHEDULED, who.userId(), now, null)
            .moved(RequestStatus.IN_SESSION, who.userId(), now, null))
        .onSuccess(saved -> announce.session("session-opened", saved, List.of()));
  }

  /** Moves the session (time, moderator, specialists, place); the same conflict rules apply. */
  Future<Session> reschedule(Principal who, String id, Supplier<Versioned<SessionPlan>> input, AuditEvent.Builder event) {
    return hosted(who, id, event).compose(current -> {
      Versioned<SessionPlan> asked = input.get();
      SessionPlan plan = asked.value();
      long expected = asked.expected();
      if (current.status() != SessionStatus.SCHEDULED) return notAllowed(current, "rescheduled");
      Session next = current.moved(plan.start(), plan.end(), plan.moderatorId(),
          plan.consultants().stream().filter(u -> !u.equals(plan.moderatorId())).toList(), plan.place(), RequestService.now());
      return conflicts.check(next)
          .compose(v -> change(current, expected, next, event, "rescheduled", r -> r.inSession(next.id(), next.participants())))
          .onSuccess(saved -> announce.session("session-rescheduled", saved, current.participants()));
    });
  }

  /** Cancels a scheduled session; its requests go back to accepted, to be scheduled again. */
  Future<Session> cancel(Principal who, String id, Supplier<Versioned<String>> input, AuditEvent.Builder event) {
    return hosted(who, id, event).compose(current -> {
      Versioned<String> asked = input.get();
      String reason = asked.value();
      long expected = asked.expected();
      if (current.status() != SessionStatus.SCHEDULED) return notAllowed(current, "cancelled");
      Instant now = RequestService.now();
      return change(current, expected, current.with(SessionStatus.CANCELLED, reason, now), event, "cancelled",
          r -> r.moved(RequestStatus.ACCEPTED, who.userId(), now, "session cancelled: " + reason).inSession(null, List.of()));
    }).onSuccess(saved -> announce.session("session-cancelled", saved, List.of()));
  }

  /** The moderator (or an invited specialist) opens the session: the room is live, its requests are in session. */
  Future<Session> open(Principal who, String id, Supplier<Long> version, AuditEvent.Builder event) {
    return participating(who, id, event).compose(current -> {
      long expected = version.get();
      if (!current.consultants().contains(who.userId())) return forbidden("Only the moderator or an invited specialist opens the session");
      if (current.status() != SessionStatus.SCHEDULED) return notAllowed(current, "opened");
      Instant now = RequestService.now();
      return change(current, expected, current.with(SessionStatus.OPEN, null, now), event, "opened",
          r -> r.moved(RequestStatus.IN_SESSION, who.userId(), now, null));
    }).onSuccess(saved -> announce.session("session-opened", saved, List.of()));
  }

  /** The moderator concludes an open session; its requests are concluded and await the signed minutes. */
  Future<Session> conclude(Principal who, String id, Supplier<Long> version, AuditEvent.Builder event) {
    return participating(who, id, event).compose(current -> {
      long expected = version.get();
      if (!current.moderatorId().equals(who.userId())) return forbidden("Only the moderator concludes the session");
      if (current.status() != SessionStatus.OPEN) return notAllowed(current, "concluded");
      Instant now = RequestService.now();
      return change(current, expected, current.with(SessionStatus.CONCLUDED, null, now), event, "concluded",
          r -> r.moved(RequestStatus.CONCLUDED, who.userId(), now, null));
    }).onSuccess(saved -> announce.session("session-concluded", saved, List.of()));
  }

  /** A session the caller hosts (administrator of its hospital) or takes part in; else 404, recorded. */
  Future<Session> read(Principal who, String id, AuditEvent.Builder event) {
    return visible(who, id, event, s -> who.has(Role.ADMINISTRATOR) ? who.hospitalId().equals(s.hostHospitalId())
        : s.participants().contains(who.userId()))
        .compose(s -> audit.record(event.detail("patients=" + s.patientIds().size()).build(AuditAction.READ, AuditOutcome.SUCCESS)).map(s));
  }

  /** Sessions overlapping [from, to): an administrator's hospital hosts them, anyone else takes part. */
  Future<List<Session>> calendar(Principal who, Instant from, Instant to) {
    return calendarOf(who.userId(), who.has(Role.ADMINISTRATOR) ? who.hospitalId() : null, from, to);
  }

  /** {@code hostedBy} non-null: the sessions that hospital hosts (an administrator's view); else the user's own. */
  Future<List<Session>> calendarOf(String userId, String hostedBy, Instant from, Instant to) {
    return store.read(() -> sessions.between(hostedBy != null ? Filters.eq("hostHospitalId", hostedBy)
        : Filters.eq("participants", userId), from, to));
  }

  Future<Optional<Session>> find(String id) {
    return store.read(() -> Optional.ofNullable(sessions.find(id)));
  }

  private Future<Session> hosted(Principal who, String id, AuditEvent.Builder event) {
    return visible(who, id, event, s -> who.has(Role.ADMINISTRATOR) && who.hospitalId().equals(s.hostHospitalId()));
  }

  private Future<Session> participating(Principal who, String id, AuditEvent.Builder event) {
    return visible(who, id, event, s -> s.participants().contains(who.userId()));
  }

  private Future<Session> visible(Principal who, String id, AuditEvent.Builder event, java.util.function.Predicate<Session> may) {
    event.resource(RESOURCE, id);
    return store.read(() -> sessions.find(id)).compose(s -> {
      if (s != null && may.test(s)) return Future.succeededFuture(s);
      AuditEvent refused = event.detail(s == null ? "not found" : "not involved")
          .build(AuditAction.READ, s == null ? AuditOutcome.FAILED : AuditOutcome.DENIED);
      return audit.record(refused).compose(v -> Future.failedFuture(notFound()));
    });
  }

  /** Insert uncommitted, re-check for a rival booked meanwhile, move each request, commit. */
  private Future<Session> create(Session s, List<ConsultationRequest> chosen, AuditEvent.Builder event,
                                 UnaryOperator<ConsultationRequest> step) {
    return store.write(() -> {
          sessions.insert(s);
          return s;
        })
        .compose(v -> s.emergency() ? Future.succeededFuture() : conflicts.raceCheck(s)
            .recover(clash -> store.write(() -> {
              sessions.delete(s.id());
              return null;
            }).compose(x -> Future.failedFuture(clash))))
        .compose(v -> moveRequests(s, chosen, event, r -> step.apply(r).inSession(s.id(), s.participants()),
            () -> {
              sessions.delete(s.id());
              return null;
            }))
        .compose(v -> store.write(() -> {
          Session done = s.asCommitted();
          sessions.replace(done);
          return done;
        }))
        .compose(done -> audit.record(event.resource(RESOURCE, done.id()).patient(null).detail("scheduled requests=" + chosen.size())
            .build(AuditAction.CREATE, AuditOutcome.SUCCESS)).map(done));
  }

  /** Writes the session change, then each request's; undoes all on a failure. */
  private Future<Session> change(Session current, long expected, Session next, AuditEvent.Builder event, String what,
                                 UnaryOperator<ConsultationRequest> step) {
    if (current.version() != expected) return Future.failedFuture(changedMeanwhile());
    return store.write(() -> sessions.replace(next))
        .compose(ok -> ok ? requests.load(current.requestIds()) : Future.failedFuture(changedMeanwhile()))
        .compose(found -> moveRequests(next, found, event, step, () -> sessions.restore(next, current)))
        .compose(v -> audit.record(event.resource(RESOURCE, next.id()).patient(null).detail(what)
            .build(AuditAction.UPDATE, AuditOutcome.SUCCESS)).map(next));
  }

  /** Moves the requests one by one; on a failure puts back those already moved and runs {@code undoSession}. */
  private Future<Void> moveRequests(Session s, List<ConsultationRequest> list, AuditEvent.Builder event,
                                    UnaryOperator<ConsultationRequest> step, java.util.concurrent.Callable<?> undoSession) {
    List<ConsultationRequest[]> done = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (ConsultationRequest r : list) {
      chain = chain.compose(v -> requests.apply(r, step, event).map(written -> {
        done.add(new ConsultationRequest[] {written, r});
        return null;
      }));
    }
    return chain.recover(failure -> {
      Future<Void> undo = Future.succeededFuture();
      for (ConsultationRequest[] pair : done) undo = undo.compose(v -> requests.undo(pair[0], pair[1]).mapEmpty());
      return undo.compose(v -> store.write(undoSession)).transform(x -> Future.failedFuture(failure));
    });
  }

  /** Undoes scheduling steps a crash left half done: uncommitted sessions older than a minute. */
  private Future<Void> sweep() {
    return store.read(() -> sessions.uncommitted(RequestService.now().minusSeconds(60))).compose(left -> {
      Future<Void> chain = Future.succeededFuture();
      for (Session s : left) {
        chain = chain.compose(v -> requests.load(s.requestIds())).compose(found -> {
          Future<Void> each = Future.succeededFuture();
          for (ConsultationRequest r : found) {
            if (s.id().equals(r.sessionId())) each = each.compose(v -> requests.revertScheduling(r));
          }
          return each;
        }).compose(v -> store.write(() -> {
          sessions.delete(s.id());
          return null;
        }));
      }
      return chain;
    });
  }

  private static <T> Future<T> notAllowed(Session s, String what) {
    return Future.failedFuture(new ApiException(ErrorCode.TRANSITION_NOT_ALLOWED, "A " + s.status().wire()
        + " session cannot be " + what));
  }

  private static <T> Future<T> forbidden(String detail) {
    return Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, detail));
  }

  static ApiException notFound() {
    return new ApiException(ErrorCode.SESSION_NOT_FOUND, "No such consultation session, or not one you take part in");
  }

  private static ApiException changedMeanwhile() {
    return new ApiException(ErrorCode.PRECONDITION_FAILED, "The session was changed by someone else; read it again and redo your change");
  }
}
