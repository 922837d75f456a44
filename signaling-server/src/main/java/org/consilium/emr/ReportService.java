package org.consilium.emr;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.consilium.access.Principal;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.consultations.ConsultationRecords;
import org.consilium.emr.fhir.FhirDocuments;
import org.consilium.emr.signing.CmsSignatures;
import org.consilium.emr.signing.DocumentSigner;
import org.consilium.emr.signing.SoftwareKeystores;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.patients.Patient;

/**
 * Signing the conclusion (Circular 46/2018/TT-BYT): the responsible specialist, the chair of the consultation's
 * session, signs the DiagnosticReport of the signed minutes and the minutes PDF. A version is never changed: once
 * minutes edition n is signed as a report, amending means a new minutes edition and a new report version that
 * replaces the old. The transaction Bundle of a signed report is handed to delivery on the event bus.
 */
final class ReportService {

  static final String SIGNED_EVENT = "consilium.emr.report-signed";
  static final String RESOURCE = "emr-report";

  /** The signed PDF of a version as stored now, with that version (whose verification says if it is still valid). */
  record SignedPdf(SignedReport report, byte[] bytes) {
  }

  /** A report just signed, and what became of its delivery. */
  record Signed(SignedReport report, String delivery, String deliveryDetail) {
  }

  private final Vertx vertx;
  private final EmrRecords records;
  private final SignedReports reports;
  private final FhirDocuments fhir;
  private final SoftwareKeystores keys;
  private final WorkerExecutor signing;
  private final AuditTrail audit;

  ReportService(Vertx vertx, EmrRecords records, SignedReports reports, FhirDocuments fhir, SoftwareKeystores keys,
                WorkerExecutor signing, AuditTrail audit) {
    this.vertx = vertx;
    this.records = records;
    this.reports = reports;
    this.fhir = fhir;
    this.keys = keys;
    this.signing = signing;
    this.audit = audit;
  }

  /** The report versions of a request, verified now; the patient's care relationship decides, as for its minutes. */
  Future<List<SignedReport>> list(Principal who, String requestId, AuditEvent.Builder event) {
    event.resource(RESOURCE, requestId);
    return patientOf(who, requestId, AuditAction.READ, event).compose(p -> reports.ofRequest(requestId))
        .compose(list -> audit.record(event.detail("reports=" + list.size() + " valid="
            + list.stream().filter(SignedReport::valid).count()).build(AuditAction.READ, AuditOutcome.SUCCESS)).map(list));
  }

  /** The signed PDF of one version, with its verification (the caller shows whether it is valid). */
  Future<SignedPdf> pdf(Principal who, String requestId, String version, AuditEvent.Builder event) {
    return list(who, requestId, event).compose(list -> list.stream().filter(r -> String.valueOf(r.version()).equals(version)).findFirst()
        .map(r -> reports.pdf(r).map(bytes -> new SignedPdf(r, bytes)))
        .orElseGet(() -> Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "No report version " + version + " of this request"))));
  }

  Future<Signed> sign(Principal who, String requestId, AuditEvent.Builder event) {
    event.resource(RESOURCE, requestId);
    return patientOf(who, requestId, AuditAction.CREATE, event)
        .compose(p -> records.consultations().of(p.id(), requestId).compose(found -> found.isEmpty()
            ? Future.failedFuture(notFound()) : checked(who, p, found.get(), event)));
  }

  /** The request's patient if {@code who} may see it; an unknown request and a patient not in care are the same 404. */
  private Future<Patient> patientOf(Principal who, String requestId, AuditAction action, AuditEvent.Builder event) {
    return records.consultations().patientOf(requestId).compose(patientId -> patientId.isEmpty()
        ? audit.record(event.detail("no such request").build(action, AuditOutcome.FAILED)).compose(v -> Future.failedFuture(notFound()))
        : records.visible(who, patientId.get(), action, event).map(p -> {
          event.patient(p.id());
          return p;
        }).recover(e -> Future.failedFuture(e instanceof ApiException api && api.code() == ErrorCode.PATIENT_NOT_FOUND ? notFound() : e)));
  }

  private static ApiException notFound() {
    return new ApiException(ErrorCode.CONSULTATION_NOT_FOUND, "No such consultation request, or not one of a patient in your care");
  }

  private Future<Signed> checked(Principal who, Patient p, ConsultationRecords.Entry e, AuditEvent.Builder event) {
    if (!who.userId().equals(e.responsibleSpecialist())) {
      return audit.record(event.patient(p.id()).detail("not the responsible specialist").build(AuditAction.CREATE, AuditOutcome.DENIED))
          .compose(v -> Future.failedFuture(new ApiException(ErrorCode.REPORT_SIGNER_NOT_RESPONSIBLE,
              "Only the responsible specialist (the chair of the consultation session) signs its conclusion")));
    }
    JsonObject minutes = e.latestMinutes().orElse(null);
    if (minutes == null || !"signed".equals(minutes.getString("state"))) {
      return Future.failedFuture(new ApiException(ErrorCode.MINUTES_NOT_SIGNED, "Sign the minutes first; the report is their conclusion"));
    }
    String requestId = e.request().getString("id");
    return reports.ofRequest(requestId).compose(existing -> {
      int edition = minutes.getInteger("edition");
      if (existing.stream().anyMatch(r -> r.minutesEdition() == edition)) {
        return Future.failedFuture(new ApiException(ErrorCode.REPORT_SIGNED, "Minutes edition " + edition
            + " is signed as a report and cannot change; start a new minutes edition to amend it"));
      }
      int version = existing.size() + 1;
      String replaces = existing.isEmpty() ? null : existing.get(existing.size() - 1).id();
      Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      return Future.all(records.gather(p), records.consultations().minutesPdf(p, requestId, edition)).compose(all -> {
        PatientRecord record = all.resultAt(0);
        byte[] pdf = all.resultAt(1);
        return fhir.reportToSign(record, e, minutes, version, who.userId(), who.displayName(), at, pdf)
            .compose(json -> signing.executeBlocking(() -> signed(who, p.id(), requestId, version, edition, replaces, at, json, pdf), false))
            .compose(report -> fhir.transaction(withReport(record, report), report)
                .recover(x -> Future.failedFuture(new ApiException(ErrorCode.FHIR_INVALID, x.getMessage())))
                .compose(bundle -> store(report, pdf, event).compose(v -> deliver(report, bundle))));
      });
    });
  }

  private SignedReport signed(Principal who, String patientId, String requestId, int version, int edition, String replaces,
                              Instant at, String json, byte[] pdf) throws Exception {
    DocumentSigner signer = keys.signerFor(who.userId(), who.displayName());
    byte[] jsonBytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] reportSig = CmsSignatures.sign(signer, jsonBytes, at);
    byte[] pdfSig = CmsSignatures.sign(signer, pdf, at);
    List<String> chain = new ArrayList<>();
    for (X509Certificate c : signer.chain()) chain.add(pem(c));
    SignedReport r = new SignedReport(SignedReport.idOf(requestId, version), patientId, requestId, version, edition, replaces,
        who.userId(), who.displayName(), at, json, reportSig, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)),
        pdfSig, chain, null, null);
    return r.verified(CmsSignatures.verify(jsonBytes, reportSig, keys.trustAnchor()), CmsSignatures.verify(pdf, pdfSig, keys.trustAnchor()));
  }

  private Future<Void> store(SignedReport r, byte[] pdf, AuditEvent.Builder event) {
    return reports.insert(r, pdf).compose(ok -> ok
        ? audit.record(event.resource(RESOURCE, r.id()).patient(r.patientId()).detail("signed version " + r.version() + " minutes edition "
            + r.minutesEdition()).build(AuditAction.CREATE, AuditOutcome.SUCCESS))
            .recover(failure -> reports.remove(r).transform(x -> Future.failedFuture(failure)))
        : Future.failedFuture(new ApiException(ErrorCode.REPORT_SIGNED, "This version was signed meanwhile")));
  }

  /** Hands the bundle to the outbox; without one (no consumer) the report stays signed and says delivery is not configured. */
  private Future<Signed> deliver(SignedReport r, String bundle) {
    JsonObject message = new JsonObject().put("patientId", r.patientId()).put("reportId", r.id()).put("version", r.version())
        .put("bundle", bundle);
    return vertx.eventBus().request(SIGNED_EVENT, message)
        .map(reply -> new Signed(r, "queued", null))
        .recover(e -> Future.succeededFuture(e instanceof ReplyException x && x.failureType() == ReplyFailure.NO_HANDLERS
            ? new Signed(r, "not-configured", "No delivery to a hospital EMR is configured; the report is signed and readable in /fhir")
            : new Signed(r, "failed", "The delivery outbox did not take the report: " + e.getMessage())));
  }

  private static PatientRecord withReport(PatientRecord r, SignedReport report) {
    List<SignedReport> all = new ArrayList<>(r.reports());
    all.add(report);
    return new PatientRecord(r.patient(), r.consultations(), r.analyses(), r.instances(), all, r.audit());
  }

  private static String pem(X509Certificate c) throws CertificateEncodingException {
    return Base64.getEncoder().encodeToString(c.getEncoded());
  }
}
