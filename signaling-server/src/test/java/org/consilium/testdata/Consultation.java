package org.consilium.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.consilium.testing.ApiClient;

/**
 * Consultation sessions made through the consultations API, as clinicians make them: the district doctor asks
 * for an emergency consultation, a specialist of the target hospital accepts, and the session opens at once
 * (moderated by that specialist, with the doctor as participant).
 */
public final class Consultation {

  private Consultation() {
  }

  /** Returns the id of the open session. */
  public static String emergencySession(ApiClient doctor, ApiClient specialist, String patientId, String targetHospitalId) {
    ApiClient.Response created = doctor.post("/api/consultations", new JsonObject().put("patientId", patientId)
        .put("targetHospitalId", targetHospitalId).put("urgency", "emergency").put("specialty", "Tiêu hoá")
        .put("reason", "Xuất huyết tiêu hoá trên").put("clinicalSummary", "Nôn ra máu, mạch nhanh")
        .put("question", "Có cần nội soi cầm máu cấp cứu không?"));
    assertEquals(201, created.status(), created::toString);
    String id = created.json().getString("id");
    ApiClient.Response submitted = doctor.post("/api/consultations/" + id + "/transitions",
        new JsonObject().put("to", "submitted").put("version", created.json().getLong("version")));
    assertEquals(200, submitted.status(), submitted::toString);
    ApiClient.Response accepted = specialist.post("/api/consultations/" + id + "/transitions",
        new JsonObject().put("to", "accepted").put("version", submitted.json().getLong("version")));
    assertEquals(200, accepted.status(), accepted::toString);
    return accepted.json().getString("immediateSessionId");
  }
}
