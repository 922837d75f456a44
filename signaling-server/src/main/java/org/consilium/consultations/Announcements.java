package org.consilium.consultations;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.consilium.access.Role;
import org.consilium.security.StaffDirectory;
import org.consilium.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the people concerned, and the other capabilities, what happened: events on the bus
 * ({@code consilium.consultations.<event>} with the session or request id) and inbox notifications. A
 * submitted request goes to the answering hospital's specialists and administrators; an emergency goes to
 * its on-call specialists (all its specialists when nobody is marked on call, rather than nobody).
 */
final class Announcements implements RequestAlerts {

  private static final Logger LOG = LoggerFactory.getLogger(Announcements.class);
  static final String PREFIX = "consilium.consultations.";

  private final EventBus bus;
  private final Inbox inbox;
  private final StaffDirectory directory;
  private final Store store;
  private final AvailabilityStore availability;

  Announcements(EventBus bus, Inbox inbox, StaffDirectory directory, Store store, AvailabilityStore availability) {
    this.bus = bus;
    this.inbox = inbox;
    this.directory = directory;
    this.store = store;
    this.availability = availability;
  }

  /** {@code event}: session-scheduled, -rescheduled, -cancelled, -opened, -concluded; {@code alsoTell}: e.g. those removed. */
  void session(String event, Session s, List<String> alsoTell) {
    bus.publish(PREFIX + event, new JsonObject().put("sessionId", s.id()).put("status", s.status().wire())
        .put("start", s.start().toString()).put("end", s.end().toString()).put("emergency", s.emergency()));
    Set<String> people = new LinkedHashSet<>(s.participants());
    people.addAll(alsoTell);
    inbox.deliver(people, event, s.requestIds().size() == 1 ? s.requestIds().get(0) : null, s.id()).onFailure(this::failed);
  }

  @Override
  public void changed(ConsultationRequest before, ConsultationRequest after) {
    if (before.status() == after.status()) return;
    bus.publish(PREFIX + "request-" + after.status().wire().replace('_', '-'),
        new JsonObject().put("requestId", after.id()).put("status", after.status().wire()).put("urgency", after.details().urgency().wire()));
    recipients(after).compose(people -> inbox.deliver(people, "request-" + after.status().wire().replace('_', '-'), after.id(), after.sessionId()))
        .onFailure(this::failed);
  }

  private Future<Set<String>> recipients(ConsultationRequest r) {
    Set<String> people = new LinkedHashSet<>();
    if (r.status() != RequestStatus.SUBMITTED) {
      people.add(r.requesterId());
      if (r.acceptedBy() != null) people.add(r.acceptedBy());
      people.addAll(r.participants());
      return Future.succeededFuture(people);
    }
    Future<List<String>> hospitals = r.answeringHospital() != null ? Future.succeededFuture(List.of(r.answeringHospital()))
        : directory.centralHospitals().map(list -> list.stream().map(StaffDirectory.HospitalEntry::id)
            .filter(id -> !id.equals(r.requesterHospitalId())).toList());
    boolean emergency = r.details().urgency() == Urgency.EMERGENCY;
    return hospitals.compose(ids -> {
      List<Future<List<String>>> each = new ArrayList<>();
      for (String h : ids) each.add(answerers(h, emergency));
      return Future.all(each).map(all -> {
        each.forEach(f -> people.addAll(f.result()));
        return people;
      });
    });
  }

  /** Specialists (on call, for an emergency) and administrators of one hospital. */
  private Future<List<String>> answerers(String hospitalId, boolean emergency) {
    Future<List<StaffDirectory.StaffMember>> specialists = Future.all(directory.members(hospitalId, Role.SPECIALIST),
        directory.members(hospitalId, Role.ENDOSCOPIST)).map(all -> {
          List<StaffDirectory.StaffMember> out = new ArrayList<>(all.<List<StaffDirectory.StaffMember>>resultAt(0));
          out.addAll(all.<List<StaffDirectory.StaffMember>>resultAt(1));
          return out;
        });
    Future<Set<String>> onCall = emergency ? store.read(() -> {
      Set<String> ids = new LinkedHashSet<>();
      availability.onCall(hospitalId).forEach(a -> ids.add(a.userId()));
      return ids;
    }) : Future.succeededFuture(Set.of());
    return Future.all(specialists, directory.members(hospitalId, Role.ADMINISTRATOR), onCall).map(all -> {
      List<String> spec = specialists.result().stream().map(StaffDirectory.StaffMember::id).toList();
      Set<String> calls = onCall.result();
      List<String> out = new ArrayList<>(emergency && spec.stream().anyMatch(calls::contains)
          ? spec.stream().filter(calls::contains).toList() : spec);
      all.<List<StaffDirectory.StaffMember>>resultAt(1).forEach(m -> out.add(m.id()));
      return out;
    });
  }

  private void failed(Throwable e) {
    LOG.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("A consultation notification was not delivered");
  }
}
