package org.consilium.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.consilium.access.CareTeam;
import org.consilium.audit.AuditRoutes;
import org.consilium.audit.AuditService;
import org.consilium.audit.AuditTrail;
import org.consilium.config.Settings;
import org.consilium.http.EndpointCatalog;
import org.consilium.http.RouteTable;
import org.consilium.patients.PatientRoutes;
import org.consilium.patients.PatientService;
import org.consilium.store.Store;

/**
 * The composition root: builds each capability's stores and services once, and mounts their routes.
 * Capabilities never construct each other; they get what they need from here.
 */
public final class Application {

  private final AuditService audit;
  private final CareTeam careTeam;
  private final PatientService patients;

  private Application(AuditService audit, CareTeam careTeam, PatientService patients) {
    this.audit = audit;
    this.careTeam = careTeam;
    this.patients = patients;
  }

  static Future<Application> start(Vertx vertx, Settings settings, HttpConfig http, Store store, EndpointCatalog catalog) {
    return AuditService.start(vertx, store).compose(audit ->
        CareTeam.start(store, audit.careTeamRecorder()).compose(careTeam ->
            PatientService.start(store, careTeam, audit).map(patients -> new Application(audit, careTeam, patients))));
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
  org.consilium.access.Authenticator authenticator() {
    return token -> Future.failedFuture(new org.consilium.access.Authenticator.Unauthenticated("No identity provider is configured"));
  }

  /** Mounts every capability's API on the root router. */
  void mount(Router router, RouteTable api) {
    new AuditRoutes(audit).mount(api);
    new PatientRoutes(patients).mount(api);
  }

  Future<Void> stop() {
    return Future.succeededFuture();
  }
}
