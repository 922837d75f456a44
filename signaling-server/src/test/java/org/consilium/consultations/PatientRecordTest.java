package org.consilium.consultations;

import static org.consilium.consultations.Clinic.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.consilium.http.ErrorCode;
import org.consilium.testing.Problems;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the patient's record page asks for: the patient's consultations and who accessed the record. */
class PatientRecordTest {

  @RegisterExtension
  static final Clinic clinic = new Clinic();

  private static String patientId() {
    return clinic.patient.getString("id");
  }

  @Test
  @DisplayName("view=patient lists that patient's consultations the caller may see, and needs the patientId")
  void consultationsOfOnePatient() {
    JsonObject accepted = clinic.accepted("routine");
    JsonObject draft = clinic.draft("urgent");
    JsonObject other = expect(clinic.doctor.api().post(RequestRoutes.BASE, clinic.requestBody("routine")
        .put("patientId", org.consilium.testdata.PatientData.aPatient().named("Đỗ Văn Bình").create(clinic.doctor.api())
            .getString("id"))), 201);

    List<String> doctorSees = ids(clinic.doctor.api().get(RequestRoutes.BASE + "?view=patient&patientId=" + patientId()).json());
    assertTrue(doctorSees.containsAll(List.of(accepted.getString("id"), draft.getString("id"))), doctorSees::toString);
    assertFalse(doctorSees.contains(other.getString("id")));

    // The consultant sees the one sent to it, not the requester's draft.
    List<String> specialistSees = ids(clinic.specialist.api().get(RequestRoutes.BASE + "?view=patient&patientId=" + patientId()).json());
    assertTrue(specialistSees.contains(accepted.getString("id")));
    assertFalse(specialistSees.contains(draft.getString("id")));

    assertEquals(List.of(), ids(clinic.strangerDoctor.api().get(RequestRoutes.BASE + "?view=patient&patientId=" + patientId()).json()));

    Problems.assertFieldError(clinic.doctor.api().get(RequestRoutes.BASE + "?view=patient"), "/patientId");
    Problems.assertFieldError(clinic.doctor.api().get(RequestRoutes.BASE + "?view=mine&patientId=" + patientId()), "/patientId");
  }

  @Test
  @DisplayName("the care team reads who accessed the patient; strangers get 404; the reading is itself logged")
  void accessLog() {
    String path = "/api/patients/" + patientId() + "/access-log";
    clinic.doctor.api().get("/api/patients/" + patientId());
    JsonObject log = clinic.doctor.api().get(path + "?limit=500").json();
    JsonArray items = log.getJsonArray("items");
    assertTrue(items.stream().map(JsonObject.class::cast).anyMatch(r -> "READ".equals(r.getString("action"))
        && clinic.doctor.userId().equals(r.getString("actorUserId")) && "patient".equals(r.getString("resourceType"))), items::encode);
    JsonObject first = items.getJsonObject(0);
    assertNull(first.getString("clientAddress"), "the network address stays in the administrators' view");
    assertNull(first.getString("hash"));

    Problems.assertProblem(clinic.strangerDoctor.api().get(path), ErrorCode.PATIENT_NOT_FOUND);
    Problems.assertFieldError(clinic.doctor.api().get(path + "?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z"),
        "/to");

    JsonObject again = clinic.doctor.api().get(path + "?limit=1").json();
    JsonObject newest = again.getJsonArray("items").getJsonObject(0);
    assertEquals("access-log", newest.getString("resourceType"), "reading the access log is an access too");
  }

  private static List<String> ids(JsonObject worklist) {
    return worklist.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }
}
