package org.consilium.consultations;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.URI;
import java.util.Set;
import org.consilium.access.Authenticator;
import org.consilium.access.CareTeam;
import org.consilium.audit.AuditTrail;
import org.consilium.config.Settings;
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
  private final AttachmentRoutes attachmentRoutes;
  private final CalendarRoutes calendarRoutes;
  private final NotificationSocket socket;
  private final MinutesRoutes minutesRoutes;
  private final SessionService sessions;
  private final ConsultationRecords records;

  private Consultations(RequestRoutes requestRoutes, SessionRoutes sessionRoutes, AvailabilityRoutes availabilityRoutes,
                        NotificationRoutes notificationRoutes, AttachmentRoutes attachmentRoutes, CalendarRoutes calendarRoutes,
                        NotificationSocket socket, MinutesRoutes minutesRoutes, SessionService sessions,
                        ConsultationRecords records) {
    this.minutesRoutes = minutesRoutes;
    this.requestRoutes = requestRoutes;
    this.attachmentRoutes = attachmentRoutes;
    this.calendarRoutes = calendarRoutes;
    this.socket = socket;
    this.sessionRoutes = sessionRoutes;
    this.availabilityRoutes = availabilityRoutes;
    this.notificationRoutes = notificationRoutes;
    this.sessions = sessions;
    this.records = records;
  }

  /** {@code origins}: the browser origins allowed to open the notification WebSocket (the public URL's, and any others). */
  public static Future<Consultations> start(Vertx vertx, Settings settings, URI publicUrl, Set<String> origins, Store store,
                                            PatientService patients, CareTeam careTeam, StaffDirectory directory,
                                            Authenticator authenticator, AuditTrail audit) {
    int maxAttachment;
    try {
      maxAttachment = settings.integer("CONSULTATION_ATTACHMENT_MAX_BYTES", 1024, 100 * 1024 * 1024);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    WorkerExecutor fileWorkers = vertx.createSharedWorkerExecutor("consultation-files", 2);
    AttachmentFiles files = new AttachmentFiles(store.config().dataDir(), fileWorkers);
    AvailabilityStore availability = new AvailabilityStore(store);
    Inbox inbox = new Inbox(store, vertx.eventBus());
    Announcements announce = new Announcements(vertx.eventBus(), inbox, directory, store, availability);
    RequestService requests = new RequestService(store, patients, careTeam, directory, audit, announce);
    SessionService sessions = new SessionService(store, requests, new Conflicts(store, availability, directory), audit, announce);
    CalendarFeeds feeds = new CalendarFeeds(store);
    MinutesService minutes = new MinutesService(store, requests, sessions, patients, directory, audit);
    return inbox.start().compose(v -> feeds.start()).compose(v -> requests.start()).compose(v -> sessions.start())
        .compose(v -> minutes.start())
        .map(v -> new Consultations(new RequestRoutes(requests, sessions), new SessionRoutes(sessions),
            new AvailabilityRoutes(store, availability, directory), new NotificationRoutes(inbox),
            new AttachmentRoutes(requests, files, audit, maxAttachment), new CalendarRoutes(feeds, sessions, directory, publicUrl),
            new NotificationSocket(vertx, authenticator, origins),
            new MinutesRoutes(minutes, requests, directory, fileWorkers), sessions,
            new ConsultationRecords(store, directory, fileWorkers)));
  }

  /** Sessions and their rosters. */
  public SessionService sessions() {
    return sessions;
  }

  /** A patient's requests, sessions and minutes for the electronic record (no access check: the caller's). */
  public ConsultationRecords records() {
    return records;
  }

  /** Where attached imaging studies are looked up (the imaging capability, which starts after this one). */
  public void lookUpStudiesIn(PatientStudies imaging) {
    attachmentRoutes.studies.lookUpIn(imaging);
  }

  public void mount(RouteTable api) {
    requestRoutes.mount(api);
    sessionRoutes.mount(api);
    availabilityRoutes.mount(api);
    notificationRoutes.mount(api);
    attachmentRoutes.mount(api);
    calendarRoutes.mount(api);
    socket.mount(api);
    minutesRoutes.mount(api);
  }
}
