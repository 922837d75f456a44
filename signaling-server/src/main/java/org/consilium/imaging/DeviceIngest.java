package org.consilium.imaging;

import io.vertx.core.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.dicom.DicomInstance;
import org.consilium.dicom.DicomListener;
import org.consilium.dicom.DicomReader;
import org.consilium.dicom.DicomRejected;
import org.consilium.dicom.StoreOutcome;
import org.consilium.patients.Patient;
import org.consilium.patients.PatientService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Objects received by the DICOM listener (C-STORE from a modality or PACS). With no user to name the patient,
 * Patient ID (0010,0020) finds it: a citizen ID, or a medical record number of DICOM_SCP_HOSPITAL_ID; then the
 * same matching rule and ingest as every other path apply. Each object is audited with the calling AE title as
 * the actor. Objects of a study being pulled from the PACS for a patient ({@link #expect}) go to that patient
 * (still under the matching rule). Runs on the listener's association thread and blocks it until the object is
 * stored or refused; the sender's C-STORE status says which, with the reason.
 */
final class DeviceIngest implements DicomListener.Receiver {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceIngest.class);

  private final Ingest ingest;
  private final ObjectStore objects;
  private final PatientService patients;
  private final AuditTrail audit;
  private final String hospitalId;
  private final java.util.Map<String, Patient> pulled = new java.util.concurrent.ConcurrentHashMap<>();

  DeviceIngest(Ingest ingest, ObjectStore objects, PatientService patients, AuditTrail audit, String hospitalId) {
    this.ingest = ingest;
    this.objects = objects;
    this.patients = patients;
    this.audit = audit;
    this.hospitalId = hospitalId == null || hospitalId.isBlank() ? null : hospitalId;
  }

  /** Objects of {@code studyUid} arriving from now on belong to {@code patient} (a PACS pull for it). */
  void expect(String studyUid, Patient patient) {
    pulled.put(studyUid, patient);
  }

  void forget(String studyUid) {
    pulled.remove(studyUid);
  }

  @Override
  public StoreOutcome received(Path file, String callingAeTitle) throws Exception {
    Path staged = objects.stage();
    Files.move(file, staged, StandardCopyOption.REPLACE_EXISTING);
    DicomInstance instance;
    try {
      instance = DicomReader.read(staged);
    } catch (DicomRejected e) {
      Files.deleteIfExists(staged);
      finish(callingAeTitle, null, null, AuditOutcome.FAILED, e.getMessage());
      return StoreOutcome.unreadable(e.getMessage());
    }
    Patient awaited = pulled.get(instance.studyInstanceUid());
    Optional<Patient> patient = awaited != null ? Optional.of(awaited) : await(patients.identify(instance.patientId(), hospitalId));
    if (patient.isEmpty()) {
      Files.deleteIfExists(staged);
      String reason = "Patient ID (0010,0020) names no Consilium patient (citizen ID or medical record number)";
      finish(callingAeTitle, instance.studyInstanceUid(), null, AuditOutcome.FAILED, reason);
      return StoreOutcome.notThisPatient("Patient ID (0010,0020) names no Consilium patient");
    }
    IngestResult r = await(ingest.one("c-store", staged, patient.get(), "dicom:" + callingAeTitle));
    finish(callingAeTitle, instance.studyInstanceUid(), patient.get().id(),
        r.status().succeeded() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, r.status().name().toLowerCase()
            + (r.reason() == null ? "" : ": " + r.reason()));
    return switch (r.status()) {
      case STORED, ALREADY_STORED -> StoreOutcome.stored();
      case REFUSED -> StoreOutcome.notThisPatient(r.reason());
      case CONFLICT -> StoreOutcome.conflict(r.reason());
      case FAILED -> StoreOutcome.notStored(r.reason());
    };
  }

  private void finish(String ae, String studyUid, String patientId, AuditOutcome outcome, String detail) throws Exception {
    String note = detail.length() > 200 ? detail.substring(0, 200) : detail;
    await(audit.record(new AuditEvent(Instant.now(), null, "dicom:" + ae, "device", null, AuditAction.CREATE,
        ImagingService.RESOURCE, studyUid, patientId, outcome, null, null, "c-store " + note)));
    if (outcome != AuditOutcome.SUCCESS) LOG.atWarn().addKeyValue("callingAe", ae).addKeyValue("reason", note).log("C-STORE object not kept");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
