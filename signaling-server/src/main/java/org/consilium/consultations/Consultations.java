package org.consilium.consultations;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.consilium.access.CareTeam;
import org.consilium.audit.AuditTrail;
import org.consilium.http.RouteTable;
import org.consilium.patients.PatientService;
import org.consilium.security.StaffDirectory;
import org.consilium.store.Store;

/**
 * The consultations capability: requests, sessions, availability, notifications. Built once by the
 * composition root; other capabilities use {@link #sessions()} (the roster) and the events it publishes.
 */
public final class Consultations {

  private final RequestRoutes requestRoutes;
  private final SessionRoutes sessionRoutes;
  private final AvailabilityRoutes availabilityRoutes;
  private final NotificationRoutes notificationRoutes;
  private final SessionService sessions;

  private Consultations(RequestRoutes requestRoutes, SessionRoutes sessionRoutes, AvailabilityRoutes availabilityRoutes,
                        NotificationRoutes notificationRoutes, SessionService sessions) {
    this.requestRoutes = requestRoutes;
    this.sessionRoutes = sessionRoutes;
    this.availabilityRoutes = availabilityRoutes;
    this.notificationRoutes = notificationRoutes;
    this.sessions = sessions;
  }

  public static Future<Consultations> start(Vertx vertx, Store store, PatientService patients, CareTeam careTeam,
                                            StaffDirectory directory, AuditTrail audit) {
    AvailabilityStore availability = new AvailabilityStore(store);
    Inbox inbox = new Inbox(store, vertx.eventBus());
    Announcements announce = new Announcements(vertx.eventBus(), inbox, directory, store, availability);
    RequestService requests = new RequestService(store, patients, careTeam, directory, audit, announce);
    SessionService sessions = new SessionService(store, requests, new Conflicts(store, availability, directory), audit, announce);
    return inbox.start().compose(v -> requests.start()).compose(v -> sessions.start())
        .map(v -> new Consultations(new RequestRoutes(requests, sessions), new SessionRoutes(sessions),
            new AvailabilityRoutes(store, availability, directory), new NotificationRoutes(inbox), sessions));
  }

  /** Sessions and their rosters. */
  public SessionService sessions() {
    return sessions;
  }

  public void mount(RouteTable api) {
    requestRoutes.mount(api);
    sessionRoutes.mount(api);
    availabilityRoutes.mount(api);
    notificationRoutes.mount(api);
  }
}
