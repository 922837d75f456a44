package org.consilium.emr;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.consilium.audit.AuditService;
import org.consilium.audit.AuditTrail;
import org.consilium.config.Settings;
import org.consilium.consultations.ConsultationRecords;
import org.consilium.emr.fhir.FhirDocuments;
import org.consilium.emr.fhir.FhirRoutes;
import org.consilium.emr.signing.SoftwareKeystores;
import org.consilium.findings.LesionFlagService;
import org.consilium.http.RouteTable;
import org.consilium.imaging.ImagingService;
import org.consilium.patients.PatientService;
import org.consilium.store.Store;

/** The electronic-record capability: /fhir, signed reports, hand-over to delivery. Built once by the composition root. */
public final class Emr {

  private final FhirRoutes fhirRoutes;
  private final ReportRoutes reportRoutes;

  private Emr(FhirRoutes fhirRoutes, ReportRoutes reportRoutes) {
    this.fhirRoutes = fhirRoutes;
    this.reportRoutes = reportRoutes;
  }

  public static Future<Emr> start(Vertx vertx, Settings settings, URI publicUrl, Store store, PatientService patients,
                                  ConsultationRecords consultations, LesionFlagService findings, ImagingService imaging,
                                  AuditService auditLog, AuditTrail audit) {
    Path signingDir;
    int certDays;
    int fhirWorkers;
    String base;
    try {
      signingDir = settings.string("EMR_SIGNING_DIR").isBlank() ? store.config().dataDir().resolve("signing") : settings.path("EMR_SIGNING_DIR");
      certDays = settings.integer("EMR_SIGNING_CERT_DAYS", 1, 3650);
      fhirWorkers = settings.integer("EMR_FHIR_WORKERS", 1, 64);
      String b = settings.string("FHIR_PUBLIC_URL");
      base = b == null || b.isBlank() ? publicUrl.toString().replaceAll("/$", "") + "/fhir" : b.replaceAll("/$", "");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    WorkerExecutor signing = vertx.createSharedWorkerExecutor("emr-signing", 2);
    String organisation = settings.string("EMR_SIGNING_ORGANISATION");
    return signing.executeBlocking(() -> SoftwareKeystores.open(signingDir, organisation, Duration.ofDays(certDays)), false)
        .compose(keys -> {
          SignedReports reports = new SignedReports(store, store.config().dataDir().resolve("emr").resolve("reports"), signing, keys.trustAnchor());
          FhirDocuments fhir = new FhirDocuments(vertx, fhirWorkers, base);
          EmrRecords records = new EmrRecords(patients, consultations, findings, imaging, auditLog, audit, reports);
          ReportService service = new ReportService(vertx, records, reports, fhir, keys, signing, audit);
          return reports.start().map(v -> new Emr(new FhirRoutes(records, fhir), new ReportRoutes(service)));
        });
  }

  public void mount(Router router, RouteTable api) {
    fhirRoutes.mount(router, api);
    reportRoutes.mount(api);
  }
}
