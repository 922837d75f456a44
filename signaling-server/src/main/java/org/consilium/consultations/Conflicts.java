package org.consilium.consultations;

import io.vertx.core.Future;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consilium.access.Role;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.FieldError;
import org.consilium.security.StaffDirectory;
import org.consilium.store.Store;

/**
 * The scheduling rules: every consultant of a session is an active clinician, not on leave, inside their
 * published weekly slots, and not booked in another active session at an overlapping time. All clashes are
 * reported at once (409), each naming the person and the clash in clinic time.
 */
final class Conflicts {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Session.CLINIC_ZONE);

  private final Store store;
  private final SessionStore sessions;
  private final AvailabilityStore availability;
  private final StaffDirectory directory;

  Conflicts(Store store, AvailabilityStore availability, StaffDirectory directory) {
    this.store = store;
    this.sessions = new SessionStore(store);
    this.availability = availability;
    this.directory = directory;
  }

  /** Fails with 422 for unknown people, 409 naming every clash. */
  Future<Void> check(Session s) {
    List<Future<List<FieldError>>> each = new ArrayList<>();
    for (String userId : s.consultants()) each.add(clashes(userId, s));
    return Future.all(each).compose(all -> {
      List<FieldError> unknown = new ArrayList<>();
      List<FieldError> clashes = new ArrayList<>();
      for (int i = 0; i < each.size(); i++) {
        for (FieldError e : each.get(i).result()) (e.detail().startsWith("no active") ? unknown : clashes).add(e);
      }
      if (!unknown.isEmpty()) return Future.failedFuture(ApiException.invalid(unknown));
      if (!clashes.isEmpty()) {
        return Future.failedFuture(new ApiException(ErrorCode.SCHEDULE_CONFLICT, String.join("; ", clashes.stream().map(FieldError::detail).toList()), clashes));
      }
      return Future.succeededFuture();
    });
  }

  /** After inserting {@code s}: another session booked the same people at the same time meanwhile? */
  Future<Void> raceCheck(Session s) {
    return store.read(() -> sessions.overlapping(s.consultants(), s.start(), s.end(), s.id())).compose(rivals -> rivals.isEmpty()
        ? Future.succeededFuture()
        : Future.failedFuture(new ApiException(ErrorCode.SCHEDULE_CONFLICT, "Someone booked the same people at the same time just now; "
            + "look at the calendar again", List.of(new FieldError("/start", "booked meanwhile by session " + rivals.get(0).id())))));
  }

  private Future<List<FieldError>> clashes(String userId, Session s) {
    String pointer = userId.equals(s.moderatorId()) ? "/moderatorId" : "/specialistIds";
    return directory.member(userId).compose(found -> {
      Optional<StaffDirectory.StaffMember> m = found.filter(StaffDirectory.StaffMember::active).filter(x -> Role.CLINICAL.contains(x.role()));
      if (m.isEmpty()) return Future.succeededFuture(List.of(new FieldError(pointer, "no active clinician " + userId)));
      String name = m.get().displayName();
      return store.read(() -> {
        List<FieldError> out = new ArrayList<>();
        Availability a = availability.find(userId, m.get().hospitalId());
        a.leaveDuring(s.start(), s.end()).ifPresent(l -> out.add(new FieldError("/specialistIds",
            name + " is on leave from " + l.from() + " to " + l.to())));
        if (a.outside(s.start(), s.end())) {
          out.add(new FieldError("/start", name + " is not available " + LOCAL.format(s.start()) + "–" + LOCAL.format(s.end())
              + " (Asia/Ho_Chi_Minh); weekly slots: " + String.join(", ", a.weekly().stream()
              .map(x -> x.day().name().substring(0, 3) + " " + Availability.clock(x.from()) + "-" + Availability.clock(x.to())).toList())));
        }
        for (Session other : sessions.overlapping(List.of(userId), s.start(), s.end(), s.id())) {
          out.add(new FieldError("/start", name + " is already booked " + LOCAL.format(other.start()) + "–"
              + LOCAL.format(other.end()) + " (session " + other.id() + ")"));
        }
        return out;
      });
    });
  }
}
