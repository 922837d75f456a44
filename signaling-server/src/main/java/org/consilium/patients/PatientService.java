package org.consilium.patients;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.consilium.access.CareTeam;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.FieldError;
import org.consilium.store.Page;
import org.consilium.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Patient records and who may see them. Every read, search, create and update is recorded in the audit trail
 * before its Future completes; a change whose record cannot be written is undone and fails with CNS-1200.
 * Other capabilities use {@link #requireVisible} before touching anything of a patient.
 */
public final class PatientService {

  private static final Logger LOG = LoggerFactory.getLogger(PatientService.class);
  private static final String RESOURCE = "patient";

  private final Store store;
  private final PatientStore patients;
  private final CareTeam careTeam;
  private final AuditTrail audit;

  private PatientService(Store store, CareTeam careTeam, AuditTrail audit) {
    this.store = store;
    this.patients = new PatientStore(store);
    this.careTeam = careTeam;
    this.audit = audit;
  }

  public static Future<PatientService> start(Store store, CareTeam careTeam, AuditTrail audit) {
    return store.ensureIndexes(PatientStore.COLLECTION, PatientStore.indexes())
        .map(v -> new PatientService(store, careTeam, audit));
  }

  /**
   * The patient, if it exists and {@code who} may see it (same hospital, or a care-team grant; never an
   * administrator). Otherwise fails with 404 PATIENT_NOT_FOUND, the same answer for "absent" and "not yours",
   * so that existence is never revealed. Not audited: the caller records its own access.
   */
  public Future<Patient> requireVisible(Principal who, String patientId) {
    return lookup(who, patientId).compose(found -> found.visible() ? Future.succeededFuture(found.patient())
        : Future.failedFuture(notFound()));
  }

  /** Like {@link #requireVisible}, and records a refused or failed {@code action} in the audit trail. */
  Future<Patient> requireVisible(Principal who, String patientId, AuditAction action, AuditEvent.Builder event) {
    return lookup(who, patientId).compose(found -> {
      if (found.visible()) return Future.succeededFuture(found.patient());
      AuditEvent refused = found.patient() == null ? event.detail("not found").build(action, AuditOutcome.FAILED)
          : event.patient(patientId).detail("not in care").build(action, AuditOutcome.DENIED);
      return audit.record(refused).compose(v -> Future.failedFuture(notFound()));
    });
  }

  /**
   * The patient an identifier sent by a device names (the DICOM listener has no signed-in user): a citizen ID,
   * else a medical record number at {@code hospitalId} (null: citizen IDs only). The caller audits.
   */
  public Future<java.util.Optional<Patient>> identify(String identifier, String hospitalId) {
    return store.read(() -> {
      Patient p = patients.findByCitizenId(identifier);
      if (p == null && hospitalId != null) p = patients.findByRecordNumber(hospitalId, identifier);
      return java.util.Optional.ofNullable(p);
    });
  }

  Future<Patient> read(Principal who, String patientId, AuditEvent.Builder event) {
    return requireVisible(who, patientId, AuditAction.READ, event)
        .compose(p -> audit.record(event.patient(p.id()).build(AuditAction.READ, AuditOutcome.SUCCESS)).map(p));
  }

  /** Patients the caller may see that match; the audit record counts the results and never holds the criteria. */
  Future<Page<Patient>> search(Principal who, PatientSearch query, AuditEvent.Builder event) {
    if (!Role.CLINICAL.contains(who.role())) return Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "Only clinicians see patients"));
    return careTeam.grantedPatients(who.userId())
        .compose(granted -> store.read(() -> patients.search(query, who.hospitalId(), granted, query.page())))
        .compose(page -> audit.record(event.resource(RESOURCE, null)
            .detail("results=" + page.items().size() + " total=" + page.total())
            .build(AuditAction.SEARCH, AuditOutcome.SUCCESS)).map(page));
  }

  /** Registers a patient managed by the creator's hospital. */
  Future<Patient> create(Principal who, PatientDetails details, AuditEvent.Builder event) {
    if (!Role.CLINICAL.contains(who.role())) return Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "Only clinicians register patients"));
    Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
    Patient patient = new Patient(UUID.randomUUID().toString(), details, who.hospitalId(), 1, now, now, who.userId(), who.userId());
    event.resource(RESOURCE, patient.id());
    return store.write(() -> {
          patients.insert(patient);
          return patient;
        })
        .recover(e -> refuseDuplicate(e, who, patient, AuditAction.CREATE, event))
        .compose(saved -> recordOrUndo(event.patient(saved.id()).build(AuditAction.CREATE, AuditOutcome.SUCCESS), saved, () -> {
          patients.delete(saved.id());
          return true;
        }));
  }

  /** Replaces the details of {@code current} if it is still at {@code expectedVersion}, else 412. */
  Future<Patient> update(Principal who, Patient current, long expectedVersion, PatientDetails details, AuditEvent.Builder event) {
    if (current.version() != expectedVersion) return Future.failedFuture(changedMeanwhile());
    Patient next = current.updated(details, who.userId(), Instant.ofEpochMilli(System.currentTimeMillis()));
    return store.write(() -> patients.replace(next) ? next : null)
        .recover(e -> refuseDuplicate(e, who, next, AuditAction.UPDATE, event))
        .compose(saved -> saved == null ? Future.failedFuture(changedMeanwhile())
            : recordOrUndo(event.patient(saved.id()).build(AuditAction.UPDATE, AuditOutcome.SUCCESS), saved,
                () -> patients.restore(saved, current)));
  }

  private Future<Lookup> lookup(Principal who, String patientId) {
    return store.read(() -> patients.find(patientId)).compose(p -> p == null ? Future.succeededFuture(new Lookup(null, false))
        : careTeam.maySee(who, p.id(), p.hospitalId()).map(ok -> new Lookup(p, ok)));
  }

  /** Records the change; if that fails, undoes it (nothing is changed unrecorded) and fails with the audit's error. */
  private Future<Patient> recordOrUndo(AuditEvent event, Patient saved, Callable<Boolean> undo) {
    return audit.record(event).map(saved).recover(failure -> store.write(undo).transform(undone -> {
      if (undone.failed() || !Boolean.TRUE.equals(undone.result())) {
        LOG.atError().addKeyValue("patientId", saved.id()).log("A patient change could not be audited nor undone");
      }
      return Future.failedFuture(failure);
    }));
  }

  /**
   * A unique value (citizen ID, medical record number) belongs to another patient: 409 naming the field, and
   * naming that patient only if the caller may see it.
   */
  private Future<Patient> refuseDuplicate(Throwable e, Principal who, Patient attempted, AuditAction action, AuditEvent.Builder event) {
    if (!(e instanceof PatientStore.DuplicateValue dup) || dup.field().equals("id")) return Future.failedFuture(e);
    boolean citizen = dup.field().equals("citizenId");
    return store.read(() -> citizen ? patients.findByCitizenId(attempted.details().citizenId())
            : patients.findByRecordNumber(attempted.hospitalId(), attempted.details().medicalRecordNumber()))
        .compose(holder -> holder == null ? Future.succeededFuture((String) null)
            : careTeam.maySee(who, holder.id(), holder.hospitalId()).map(visible -> visible ? holder.id() : null)
                .compose(shown -> audit.record(event.patient(holder.id()).detail("duplicate " + dup.field())
                    .build(action, AuditOutcome.FAILED)).map(shown)))
        .compose(shown -> {
          String detail = shown == null ? "is already registered" : "is already registered for patient " + shown;
          ErrorCode code = citizen ? ErrorCode.DUPLICATE_CITIZEN_ID : ErrorCode.DUPLICATE_MEDICAL_RECORD_NUMBER;
          return Future.failedFuture(new ApiException(code, dup.field() + " " + detail,
              List.of(new FieldError("/" + dup.field(), detail))));
        });
  }

  private static ApiException notFound() {
    return new ApiException(ErrorCode.PATIENT_NOT_FOUND, "No such patient, or not one in your care");
  }

  private static ApiException changedMeanwhile() {
    return new ApiException(ErrorCode.PRECONDITION_FAILED, "The patient was changed by someone else; read it again and redo your change");
  }

  private record Lookup(Patient patient, boolean visible) {
  }
}
