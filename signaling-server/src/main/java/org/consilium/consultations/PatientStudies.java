package org.consilium.consultations;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The imaging studies stored for a patient, as a request needs them: to check that a study named by the
 * requesting doctor is really that patient's (pulled from the hospital PACS, uploaded or received by C-STORE)
 * and to describe it on the request. The imaging capability implements it; consultations knows no DICOM.
 */
public interface PatientStudies {

  /** The study as the index knows it; empty when the patient has no such study. Never audits (the caller does). */
  Future<Optional<Study>> find(String patientId, String studyInstanceUid);

  /** What a clinician reads about a study on the request: date (YYYYMMDD), modalities, description, instance count. */
  record Study(String studyInstanceUid, String date, String modalities, String description, int instances) {
  }
}
