package org.consilium.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.function.UnaryOperator;
import org.consilium.access.Authenticator;
import org.consilium.access.CareTeam;
import org.consilium.audit.AuditRoutes;
import org.consilium.audit.AuditService;
import org.consilium.audit.AuditTrail;
import org.consilium.config.Settings;
import org.consilium.consultations.Consultations;
import org.consilium.consultations.SessionService;
import org.consilium.emr.Emr;
import org.consilium.emr.delivery.DeliveryConfig;
import org.consilium.emr.delivery.EmrDelivery;
import org.consilium.emr.delivery.OutboxRoutes;
import org.consilium.emr.outputs.FindingsOutputRoutes;
import org.consilium.emr.outputs.FindingsOutputs;
import org.consilium.findings.LesionDetection;
import org.consilium.findings.LesionFlagRoutes;
import org.consilium.findings.LesionFlagService;
import org.consilium.findings.LesionFlagsConfig;
import org.consilium.findings.StoredImageAnalysis;
import org.consilium.http.EndpointCatalog;
import org.consilium.http.RouteTable;
import org.consilium.imaging.ImagingConfig;
import org.consilium.imaging.ImagingRoutes;
import org.consilium.imaging.ImagingService;
import org.consilium.imaging.dicomweb.DicomWebRoutes;
import org.consilium.patients.AccessLogRoutes;
import org.consilium.patients.PatientRoutes;
import org.consilium.patients.PatientService;
import org.consilium.recordings.RecordingRoutes;
import org.consilium.recordings.RecordingService;
import org.consilium.rooms.RoomMembers;
import org.consilium.rooms.RoomRoster;
import org.consilium.rooms.RoomRoutes;
import org.consilium.rooms.RoomService;
import org.consilium.security.Identity;
import org.consilium.store.Store;

/**
 * The composition root: builds each capability's stores and services once, and mounts their routes.
 * Capabilities never construct each other; they get what they need from here.
 */
public final class Application {

  private final AuditService auditService;
  private final AuditTrail audit;
  private final Identity identity;
  private final CareTeam careTeam;
  private final PatientService patients;
  private final Consultations consultations;
  private final HttpConfig http;
  private final LesionFlags lesionFlags;
  private RoomService rooms;
  private ImagingService imaging;
  private RecordingService recordings;
  private Emr emr;
  private EmrDelivery emrDelivery;
  private StoredImageAnalysis storedImageAnalysis;

  /** AI lesion flags: detection (models loaded on first use) and the stored flags with their reviews. */
  private record LesionFlags(LesionFlagsConfig config, LesionDetection detection, LesionFlagService service) {}

  private Application(AuditService auditService, AuditTrail audit, Identity identity, CareTeam careTeam,
                      PatientService patients, Consultations consultations, LesionFlags lesionFlags, HttpConfig http) {
    this.auditService = auditService;
    this.audit = audit;
    this.identity = identity;
    this.careTeam = careTeam;
    this.patients = patients;
    this.consultations = consultations;
    this.http = http;
    this.lesionFlags = lesionFlags;
  }

  /** {@code auditAround} lets tests observe (or refuse) what is recorded; in production it is the identity. */
  static Future<Application> start(Vertx vertx, Settings settings, HttpConfig http, Store store, EndpointCatalog catalog,
                                   UnaryOperator<AuditTrail> auditAround, RoomRoster roomRoster) {
    return AuditService.start(vertx, store).compose(chain -> {
      AuditTrail audit = auditAround.apply(chain);
      return Identity.start(vertx, settings, http.publicUrl(), store, audit, System.out).compose(identity ->
          CareTeam.start(store, AuditService.careTeamRecorder(audit)).compose(careTeam ->
              PatientService.start(store, careTeam, audit).compose(patients ->
                  Consultations.start(vertx, settings, http.publicUrl(), origins(http), store, patients, careTeam,
                          identity.directory(), identity.authenticator(), audit).compose(consultations -> {
                    LesionFlagsConfig aiConfig = LesionFlagsConfig.from(settings);
                    LesionDetection detection = new LesionDetection(vertx, aiConfig);
                    return LesionFlagService.start(store, patients, detection, audit, (userId, patientId) ->
                            consultations.sessions().takesPart(userId, patientId))
                        .map(flags -> new Application(chain, audit, identity, careTeam, patients, consultations,
                            new LesionFlags(aiConfig, detection, flags), http));
                  }))))
          .compose(app -> RoomService.start(vertx, settings, store, audit, roomRoster == null ? app.sessionRoster() : roomRoster)
              .map(rooms -> {
                app.rooms = rooms;
                LesionFlagsConfig ai = app.lesionFlags.config();
                rooms.flagLesionsWith(app.lesionFlags.detection()::flags, ai.liveFrameBytes(), ai.liveFramesPerSecond());
                return app;
              }))
          .compose(app -> RecordingService.start(vertx, settings, store, roomRoster == null ? app.sessionRoster() : roomRoster,
                  app.patients, app.audit)
              .map(recordings -> {
                app.recordings = recordings;
                return app;
              }))
          .compose(app -> ImagingService.start(vertx, ImagingConfig.from(settings), store, app.patients, app.audit)
              .map(imaging -> {
                app.imaging = imaging;
                app.consultations.lookUpStudiesIn((patientId, uid) -> imaging.studyInstances(patientId, uid).map(Application::study));
                app.storedImageAnalysis = new StoredImageAnalysis(vertx, imaging, app.lesionFlags.service(), app.lesionFlags.detection(),
                    app.lesionFlags.config());
                return app;
              }))
          .compose(app -> Emr.start(vertx, settings, http.publicUrl(), store, app.patients, app.consultations.records(),
                  app.lesionFlags.service(), app.imaging, chain, app.audit)
              .map(emr -> {
                app.emr = emr;
                return app;
              }))
          .compose(app -> EmrDelivery.start(vertx, DeliveryConfig.from(settings), store, app.audit).map(delivery -> {
            app.emrDelivery = delivery;
            return app;
          }));
    });
  }

  /** Origins allowed to open the server's WebSockets: the configured ones and the public URL's own. */
  private static java.util.Set<String> origins(HttpConfig http) {
    java.util.Set<String> origins = new java.util.LinkedHashSet<>(http.allowedOrigins());
    origins.add(http.publicOrigin());
    return origins;
  }

  /** Who belongs in a session's room: the consultation session's roster. */
  private RoomRoster sessionRoster() {
    return sessionId -> sessions().roster(sessionId).map(found -> found.map(r -> new RoomMembers(r.sessionId(),
        r.moderatorUserId(), r.participantUserIds(), r.patientIds(), r.status())));
  }

  /** The hash-chained audit trail: every access to patient data and every login is recorded here first. */
  public AuditTrail audit() {
    return audit;
  }

  /** Care-team grants: who may see a patient of another hospital. */
  public CareTeam careTeam() {
    return careTeam;
  }

  /** Patient records; {@code requireVisible} guards every patient-scoped action. */
  public PatientService patients() {
    return patients;
  }

  /** Consultation sessions: {@code roster(sessionId)} says who may join a session's room. */
  public SessionService sessions() {
    return consultations.sessions();
  }

  /** Origins the web app may load scripts and frames from (the Jitsi deployment of large rooms). */
  java.util.List<String> embeddedOrigins() {
    return rooms.embeddedOrigins();
  }

  /** Verifies bearer tokens for every authenticated route. */
  Authenticator authenticator() {
    return identity.authenticator();
  }

  /** Mounts every capability's API on the root router. */
  void mount(Router router, RouteTable api) {
    identity.mount(api);
    new AuditRoutes(auditService, audit).mount(api);
    new PatientRoutes(patients).mount(api);
    new AccessLogRoutes(patients, auditService, audit).mount(api);
    consultations.mount(api);
    new RoomRoutes(rooms, identity.authenticator(), java.util.List.copyOf(origins(http))).mount(api);
    new RecordingRoutes(recordings).mount(api);
    new LesionFlagRoutes(lesionFlags.service(), lesionFlags.detection(), audit, lesionFlags.config(), storedImageAnalysis).mount(api);
    new ImagingRoutes(imaging).mount(api);
    new DicomWebRoutes(imaging).mount(api);
    emr.mount(router, api);
    new OutboxRoutes(emrDelivery, audit).mount(api);
    new FindingsOutputRoutes(new FindingsOutputs(lesionFlags.service(), imaging)).mount(api);
  }

  Future<Void> stop() {
    rooms.stop();
    return emrDelivery.stop().eventually(identity::stop).compose(v -> lesionFlags.detection().close()).eventually(imaging::stop);
  }

  /** What a consultation request shows of an attached study, from its stored instances (none: no such study). */
  private static java.util.Optional<org.consilium.consultations.PatientStudies.Study> study(
      java.util.List<org.consilium.imaging.StoredInstance> instances) {
    if (instances.isEmpty()) return java.util.Optional.empty();
    org.consilium.dicom.DicomInstance first = instances.get(0).dicom();
    String modalities = String.join("/", instances.stream().map(i -> i.dicom().modality()).filter(m -> m != null && !m.isBlank())
        .distinct().sorted().toList());
    return java.util.Optional.of(new org.consilium.consultations.PatientStudies.Study(first.studyInstanceUid(), first.studyDate(),
        modalities, first.studyDescription(), instances.size()));
  }
}
