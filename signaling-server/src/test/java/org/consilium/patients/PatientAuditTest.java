package org.consilium.patients;

import static org.consilium.testdata.PatientData.aPatient;
import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every access to a patient is in the audit trail, with the right action and outcome, before the answer leaves. */
class PatientAuditTest {

  private static TestServer server;
  private static Staff doctor;
  private static Staff stranger;

  @BeforeAll
  static void start() {
    server = TestServer.create().start();
    doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
    stranger = Staff.in(server, Staff.newHospital(server, "Bệnh viện Đa khoa Tỉnh"), Role.ENDOSCOPIST);
  }

  @AfterEach
  void auditBack() {
    server.audit().failing(false);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("create, read, update and a refused read are recorded with actor, action, outcome and patient")
  void accessesAreRecorded() {
    JsonObject p = aPatient().named("Kiều Văn Phong").born(1979, 9, 9).sex("male").create(doctor.api());
    String id = p.getString("id");
    doctor.api().get("/api/patients/" + id);
    doctor.api().header("If-Match", "\"1\"").put("/api/patients/" + id,
        aPatient().named("Kiều Văn Phong").born(1979, 9, 9).sex("male").citizenId(p.getString("citizenId")).json());
    stranger.api().get("/api/patients/" + id);

    List<JsonObject> records = audit("patientId=" + id);
    assertEquals(List.of("DENIED READ", "SUCCESS UPDATE", "SUCCESS READ", "SUCCESS CREATE"),
        records.stream().map(r -> r.getString("outcome") + " " + r.getString("action")).toList());
    JsonObject create = records.get(3);
    assertEquals(doctor.userId(), create.getString("actorUserId"));
    assertEquals("district_doctor", create.getString("actorRole"));
    assertEquals(doctor.hospitalId(), create.getString("actorHospitalId"));
    assertEquals("patient", create.getString("resourceType"));
    assertEquals(id, create.getString("resourceId"));
    assertEquals("127.0.0.1", create.getString("clientAddress"));
    assertEquals(stranger.userId(), records.get(0).getString("actorUserId"));
    for (JsonObject r : records) assertFalse(r.encode().contains("Kiều") || r.encode().contains(p.getString("citizenId")), r::encode);
  }

  @Test
  @DisplayName("a search is recorded with the number of results, never with what was searched for")
  void searchIsRecorded() {
    aPatient().named("Chu Thị Thanh Xuân").create(doctor.api());
    ApiClient.Response resp = doctor.api().header("X-Request-Id", "search-audit-0001").get("/api/patients?name=chu+thi+thanh");
    assertEquals(1, resp.json().getLong("total"));
    JsonObject record = audit("userId=" + doctor.userId() + "&action=SEARCH").stream()
        .filter(r -> "search-audit-0001".equals(r.getString("requestId"))).findFirst().orElseThrow();
    assertEquals("SUCCESS", record.getString("outcome"));
    assertEquals("results=1 total=1", record.getString("detail"));
    assertNull(record.getString("patientId"));
    assertFalse(record.encode().toLowerCase().contains("chu"), record::encode);
  }

  @Test
  @DisplayName("when the audit trail refuses, a read answers 503 without the data")
  void readFailsClosed() {
    JsonObject p = aPatient().named("Lạc Thị Vân").create(doctor.api());
    server.audit().failing(true);
    ApiClient.Response resp = doctor.api().get("/api/patients/" + p.getString("id"));
    assertProblem(resp, ErrorCode.AUDIT_UNAVAILABLE);
    assertFalse(resp.body().contains("Lạc") || resp.body().contains(p.getString("citizenId")));
    ApiClient.Response search = doctor.api().get("/api/patients?name=lac+thi+van");
    assertProblem(search, ErrorCode.AUDIT_UNAVAILABLE);
    assertFalse(search.body().contains("Lạc"));
  }

  @Test
  @DisplayName("when the audit trail refuses, a new patient is not kept and an update is rolled back")
  void changesFailClosed() {
    JsonObject p = aPatient().named("Ninh Văn Đạt").born(1999, 1, 1).sex("male").create(doctor.api());
    JsonObject unrecorded = aPatient().named("Ninh Thị Hậu").born(2001, 2, 2).json();
    server.audit().failing(true);
    assertProblem(doctor.api().post("/api/patients", unrecorded), ErrorCode.AUDIT_UNAVAILABLE);
    assertProblem(doctor.api().header("If-Match", "\"1\"").put("/api/patients/" + p.getString("id"),
            aPatient().named("Ninh Văn Đạt").born(1999, 1, 1).sex("male").with("address", "Ninh Bình").json()),
        ErrorCode.AUDIT_UNAVAILABLE);
    server.audit().failing(false);

    assertEquals(0, doctor.api().get("/api/patients?citizenId=" + unrecorded.getString("citizenId")).json().getLong("total"));
    JsonObject now = doctor.api().get("/api/patients/" + p.getString("id")).json();
    assertEquals(1, now.getLong("version"));
    assertNull(now.getString("address"));
    assertEquals(p.getString("citizenId"), now.getString("citizenId"));
    // The citizen ID of the undone registration is free again.
    assertEquals(201, doctor.api().post("/api/patients", unrecorded).status());
  }

  @Test
  @DisplayName("the chain stays valid after all of it")
  void chainValid() {
    aPatient().named("Âu Dương Phong").create(doctor.api());
    JsonObject v = server.admin().get("/api/audit/verify").json();
    assertTrue(v.getBoolean("valid"), v::encode);
  }

  private static List<JsonObject> audit(String query) {
    ApiClient.Response resp = server.admin().get("/api/audit?" + query);
    assertEquals(200, resp.status(), resp::toString);
    return resp.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(r -> !"audit".equals(r.getString("resourceType"))).toList();
  }
}
