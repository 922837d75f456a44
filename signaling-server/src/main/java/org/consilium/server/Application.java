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
import org.consilium.http.EndpointCatalog;
import org.consilium.http.RouteTable;
import org.consilium.imaging.ImagingConfig;
import org.consilium.imaging.ImagingRoutes;
import org.consilium.imaging.ImagingService;
import org.consilium.imaging.dicomweb.DicomWebRoutes;
import org.consilium.patients.PatientRoutes;
import org.consilium.patients.PatientService;
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
  private ImagingService imaging;

  private Application(AuditService auditService, AuditTrail audit, Identity identity, CareTeam careTeam,
                      PatientService patients) {
    this.auditService = auditService;
    this.audit = audit;
    this.identity = identity;
    this.careTeam = careTeam;
    this.patients = patients;
  }

  /** {@code auditAround} lets tests observe (or refuse) what is recorded; in production it is the identity. */
  static Future<Application> start(Vertx vertx, Settings settings, HttpConfig http, Store store, EndpointCatalog catalog,
                                   UnaryOperator<AuditTrail> auditAround) {
    return AuditService.start(vertx, store).compose(chain -> {
      AuditTrail audit = auditAround.apply(chain);
      return Identity.start(vertx, settings, http.publicUrl(), store, audit, System.out).compose(identity ->
          CareTeam.start(store, AuditService.careTeamRecorder(audit)).compose(careTeam ->
              PatientService.start(store, careTeam, audit)
                  .map(patients -> new Application(chain, audit, identity, careTeam, patients))));
    }).compose(app -> ImagingService.start(vertx, ImagingConfig.from(settings), store, app.patients, app.audit)
        .map(imaging -> {
          app.imaging = imaging;
          return app;
        }));
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

  /** Verifies bearer tokens for every authenticated route. */
  Authenticator authenticator() {
    return identity.authenticator();
  }

  /** Mounts every capability's API on the root router. */
  void mount(Router router, RouteTable api) {
    identity.mount(api);
    new AuditRoutes(auditService, audit).mount(api);
    new PatientRoutes(patients).mount(api);
    new ImagingRoutes(imaging).mount(api);
    new DicomWebRoutes(imaging).mount(api);
  }

  Future<Void> stop() {
    return identity.stop().eventually(imaging::stop);
  }
}
