package org.consilium.emr.fhir;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * The identifier systems and code systems Consilium names in FHIR (documented in docs/emr.md). A hospital that
 * has its own (or national) URIs for these maps them at its EMR's interface; ours stay stable so that
 * re-exports of the same record match.
 */
final class Systems {

  static final String BASE = "https://fhir.consilium.vn";
  /** Căn cước công dân / CMND: the 12-digit citizen ID (Law 26/2023/QH15). */
  static final String CITIZEN_ID = BASE + "/sid/citizen-id";
  /** Mã số bảo hiểm y tế: the social health insurance card number (Decision 1666/QĐ-BHXH). */
  static final String HEALTH_INSURANCE = BASE + "/sid/health-insurance";
  /** A hospital's medical record number; the value is prefixed by nothing, the system names the hospital. */
  static final String RECORD_NUMBER = BASE + "/sid/medical-record-number/";
  static final String USER = BASE + "/sid/user";
  static final String HOSPITAL = BASE + "/sid/hospital";
  static final String CONSULTATION = BASE + "/sid/consultation-request";
  static final String SESSION = BASE + "/sid/consultation-session";
  static final String REPORT = BASE + "/sid/consultation-report";
  static final String LESION_FLAG = BASE + "/sid/lesion-flag";
  static final String LESION_ANALYSIS = BASE + "/sid/lesion-analysis";
  static final String MODEL = BASE + "/sid/lesion-model";
  static final String AUDIT = BASE + "/sid/audit-record";
  static final String SIGNATURE_STATUS = BASE + "/CodeSystem/signature-verification";
  static final String FINDING_PART = BASE + "/CodeSystem/finding-part";
  static final String DICOM_UID = "urn:dicom:uid";

  private Systems() {
  }

  static Reference practitioner(String userId, String display) {
    return new Reference().setType("Practitioner").setIdentifier(new Identifier().setSystem(USER).setValue(userId)).setDisplay(display);
  }

  static Reference organization(String hospitalId) {
    return new Reference().setType("Organization").setIdentifier(new Identifier().setSystem(HOSPITAL).setValue(hospitalId));
  }

  static Reference patient(String patientId) {
    return new Reference("Patient/" + patientId);
  }

  static Date date(Instant at) {
    return at == null ? null : Date.from(at);
  }

  static Date date(String iso) {
    return iso == null ? null : Date.from(Instant.parse(iso));
  }
}
