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

  /**
   * A routine request by {@code doctor} for {@code patientId} to hospital {@code centralId}, accepted by {@code chair},
   * in a session {@code admin} schedules (chaired by {@code chair}, with {@code member}), held, concluded, and its
   * minutes written and signed by the chair. Returns the request id.
   */
  public static String withSignedMinutes(ApiClient doctor, ApiClient chair, String memberId, String chairId, ApiClient admin,
                                         String patientId, String centralId) {
    JsonObject r = expect(doctor.post("/api/consultations", new JsonObject().put("patientId", patientId).put("targetHospitalId", centralId)
        .put("urgency", "routine").put("specialty", "Tiêu hoá").put("reason", "Polyp đại tràng, cần ý kiến hội chẩn")
        .put("clinicalSummary", "Nội soi: polyp 8 mm đại tràng sigma; CT bụng kèm theo").put("question", "Cắt polyp qua nội soi hay phẫu thuật?")), 201);
    r = move(doctor, r, "submitted");
    r = move(chair, r, "accepted");
    int slot = SLOTS.getAndIncrement(); // half-hour slots, so that the chair's sessions never overlap
    java.time.ZonedDateTime start = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
        .plusDays(8 + slot / 8).withHour(8 + slot % 8 / 2).withMinute(slot % 2 * 30).withSecond(0).withNano(0);
    JsonObject s = expect(admin.post("/api/consultation-sessions", new JsonObject()
        .put("requestIds", new io.vertx.core.json.JsonArray().add(r.getString("id")))
        .put("start", start.toOffsetDateTime().toString()).put("durationMinutes", 30).put("moderatorId", chairId)
        .put("specialistIds", new io.vertx.core.json.JsonArray().add(memberId)).put("place", "Phòng hội chẩn trực tuyến số 1")), 201);
    String session = "/api/consultation-sessions/" + s.getString("id");
    JsonObject open = expect(chair.post(session + "/open", new JsonObject().put("version", s.getLong("version"))), 200);
    String minutes = "/api/consultations/" + r.getString("id") + "/minutes";
    JsonObject saved = expect(chair.put(minutes, minutesBody(0, "Polyp có cuống, bề mặt đều; đồng thuận cắt qua nội soi")), 200);
    expect(chair.post(session + "/conclude", new JsonObject().put("version", open.getLong("version"))), 200);
    expect(chair.post(minutes + "/sign", new JsonObject().put("version", saved.getLong("version"))), 200);
    return r.getString("id");
  }

  public static JsonObject minutesBody(long version, String discussion) {
    return new JsonObject().put("version", version).put("patientSummary", "Nam 56 tuổi, đi ngoài ra máu")
        .put("discussion", discussion).put("conclusion", "Ung thư sớm trên polyp không loại trừ; polyp 0-Is 8 mm")
        .put("treatmentRecommendation", "Cắt polyp qua nội soi (EMR), giải phẫu bệnh");
  }

  private static final java.util.concurrent.atomic.AtomicInteger SLOTS = new java.util.concurrent.atomic.AtomicInteger();

  private static JsonObject move(ApiClient api, JsonObject request, String to) {
    return expect(api.post("/api/consultations/" + request.getString("id") + "/transitions",
        new JsonObject().put("to", to).put("version", request.getLong("version"))), 200);
  }

  public static JsonObject expect(ApiClient.Response resp, int status) {
    if (resp.status() != status) throw new AssertionError("expected " + status + ", got " + resp);
    return resp.json();
  }
}
