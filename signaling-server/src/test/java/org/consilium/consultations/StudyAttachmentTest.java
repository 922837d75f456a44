package org.consilium.consultations;

import static org.consilium.consultations.Clinic.expect;
import static org.consilium.testdata.PatientData.aPatient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.DicomSamples;
import org.consilium.testing.Problems;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A district doctor attaches the patient's stored CT to a request; only that patient's studies can be attached. */
class StudyAttachmentTest {

  @RegisterExtension
  static final Clinic clinic = new Clinic();

  @Test
  @DisplayName("a stored study of the patient is attached once, described; another patient's or an unknown one is refused")
  void attachStoredStudy() throws Exception {
    String mrn = "CT-" + System.nanoTime() % 1_000_000;
    String patientId = aPatient().named("Trịnh Văn Hải").born(1966, 4, 9).sex("male").with("medicalRecordNumber", mrn)
        .create(clinic.doctor.api()).getString("id");
    java.nio.file.Path ct = DicomSamples.forPatient("CT_small.dcm", mrn, "TRINH^VAN HAI", "19660409", "M");
    assertEquals(200, clinic.doctor.api().sendBytes("POST", "/api/patients/" + patientId + "/imaging/uploads", DicomSamples.bytes(ct),
        "application/dicom", null).status());
    String dump = DicomSamples.run(java.util.List.of("dcmdump", "+P", "StudyInstanceUID", ct.toString()));
    String studyUid = dump.substring(dump.indexOf('[') + 1, dump.indexOf(']'));

    JsonObject draft = expect(clinic.doctor.api().post(RequestRoutes.BASE, clinic.requestBody("urgent").put("patientId", patientId)), 201);
    String path = RequestRoutes.BASE + "/" + draft.getString("id") + "/studies";
    JsonObject attached = expect(clinic.doctor.api().post(path, new JsonObject().put("studyInstanceUid", studyUid)), 201);
    assertEquals("imaging_study", attached.getString("kind"));
    assertEquals(studyUid, attached.getString("reference"));
    assertTrue(attached.getString("fileName").contains("CT"), attached::encode);
    assertEquals(1, attached.getLong("size"), "one stored instance");

    JsonObject again = expect(clinic.doctor.api().post(path, new JsonObject().put("studyInstanceUid", studyUid)), 200);
    assertEquals(attached.getString("id"), again.getString("id"), "attaching twice is the first attachment");
    JsonObject read = expect(clinic.doctor.api().get(RequestRoutes.BASE + "/" + draft.getString("id")), 200);
    assertEquals(1, read.getJsonArray("attachments").stream().filter(a -> "imaging_study".equals(((JsonObject) a).getString("kind"))).count());

    Problems.assertFieldError(clinic.doctor.api().post(path, new JsonObject().put("studyInstanceUid", "1.2.3.4")), "/studyInstanceUid");
    Problems.assertFieldError(clinic.doctor.api().post(path, new JsonObject().put("studyInstanceUid", "not-a-uid")), "/studyInstanceUid");
    Problems.assertFieldError(clinic.doctor.api().post(path, new JsonObject()), "/studyInstanceUid");
    // The study belongs to another patient: not attachable to this patient's request.
    JsonObject other = expect(clinic.doctor.api().post(RequestRoutes.BASE, clinic.requestBody("urgent")), 201);
    Problems.assertFieldError(clinic.doctor.api().post(RequestRoutes.BASE + "/" + other.getString("id") + "/studies",
        new JsonObject().put("studyInstanceUid", studyUid)), "/studyInstanceUid");
    Problems.assertProblem(clinic.strangerDoctor.api().post(path, new JsonObject().put("studyInstanceUid", "x")),
        ErrorCode.CONSULTATION_NOT_FOUND);
  }
}
