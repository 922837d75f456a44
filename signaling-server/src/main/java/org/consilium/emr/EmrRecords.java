package org.consilium.emr;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consilium.access.Principal;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditQuery;
import org.consilium.audit.AuditRecord;
import org.consilium.audit.AuditService;
import org.consilium.audit.AuditTrail;
import org.consilium.consultations.ConsultationRecords;
import org.consilium.findings.LesionFlagService;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.imaging.ImagingService;
import org.consilium.patients.Patient;
import org.consilium.patients.PatientService;
import org.consilium.store.Page;

/**
 * Gathers a patient's record from the capabilities that own its parts, after checking the care relationship
 * (unknown and not-yours are the same 404) and recording the access in the audit trail, before anything is returned.
 */
public final class EmrRecords {

  static final String RESOURCE = "emr-record";
  private static final int AUDIT_EVENTS = 200;

  private final PatientService patients;
  private final ConsultationRecords consultations;
  private final LesionFlagService findings;
  private final ImagingService imaging;
  private final AuditService auditLog;
  private final AuditTrail audit;
  private final SignedReports reports;

  EmrRecords(PatientService patients, ConsultationRecords consultations, LesionFlagService findings, ImagingService imaging,
             AuditService auditLog, AuditTrail audit, SignedReports reports) {
    this.patients = patients;
    this.consultations = consultations;
    this.findings = findings;
    this.imaging = imaging;
    this.auditLog = auditLog;
    this.audit = audit;
    this.reports = reports;
  }

  /**
   * The record of a patient {@code who} may see, with only the parts that FHIR type {@code fhirType} is made of
   * (null: all); the access is audited as {@code action} with {@code what}.
   */
  public Future<PatientRecord> read(Principal who, String patientId, String fhirType, AuditAction action, String what,
                                    AuditEvent.Builder event) {
    event.resource(RESOURCE, what);
    return visible(who, patientId, action, event)
        .compose(p -> gather(p, fhirType).compose(r -> audit.record(event.patient(patientId).build(action, AuditOutcome.SUCCESS)).map(r)));
  }

  /** The patient a FHIR resource of ours is about, from its type and stable id; empty when there is none. */
  public Future<Optional<String>> patientOf(String type, String id) {
    return switch (type) {
      case "Patient" -> Future.succeededFuture(Optional.of(id));
      case "ServiceRequest", "Appointment", "Encounter" -> consultations.patientOf(id);
      case "DiagnosticReport", "Provenance" -> reports.patientOf(id);
      case "Media" -> findings.patientOf(id);
      case "Observation" -> findings.patientOf(id.length() > 36 ? id.substring(0, 36) : id);
      case "ImagingStudy", "AuditEvent" -> Future.succeededFuture(id.length() > 37 ? Optional.of(id.substring(0, 36)) : Optional.empty());
      default -> Future.succeededFuture(Optional.empty());
    };
  }

  /** The models (id, version) behind stored analyses: Device resources, which hold no patient data. */
  public Future<List<Map.Entry<String, String>>> models() {
    return findings.models();
  }

  Future<Patient> visible(Principal who, String patientId, AuditAction action, AuditEvent.Builder event) {
    return patients.requireVisible(who, patientId).recover(e -> {
      boolean notFound = e instanceof ApiException api && api.code() == ErrorCode.PATIENT_NOT_FOUND;
      return notFound ? audit.record(event.detail("not found or not in care").build(action, AuditOutcome.DENIED))
          .compose(v -> Future.failedFuture(e)) : Future.failedFuture(e);
    });
  }

  /** The whole record. */
  Future<PatientRecord> gather(Patient p) {
    return gather(p, null);
  }

  private Future<PatientRecord> gather(Patient p, String only) {
    Future<List<ConsultationRecords.Entry>> c = needs(only, "ServiceRequest", "Appointment", "Encounter")
        ? consultations.ofPatient(p.id()) : Future.succeededFuture(List.of());
    Future<List<org.consilium.findings.LesionAnalysis>> a = needs(only, "Observation", "Media", "Device")
        ? findings.ofPatient(p.id()) : Future.succeededFuture(List.of());
    Future<List<org.consilium.imaging.StoredInstance>> i = needs(only, "ImagingStudy")
        ? imaging.instances(p, null, null) : Future.succeededFuture(List.of());
    Future<List<SignedReport>> r = needs(only, "DiagnosticReport", "Provenance")
        ? reports.ofPatient(p.id()) : Future.succeededFuture(List.of());
    Future<List<AuditRecord>> log = needs(only, "AuditEvent") ? auditLog.search(new AuditQuery(p.id(), null, null, null, null, null,
        new Page.Request(AUDIT_EVENTS, 0))).map(Page::items) : Future.succeededFuture(List.of());
    return Future.all(c, a, i, r, log).map(all -> new PatientRecord(p, c.result(), a.result(), i.result(), r.result(), log.result()));
  }

  private static boolean needs(String only, String... types) {
    return only == null || List.of(types).contains(only);
  }

  ConsultationRecords consultations() {
    return consultations;
  }
}
