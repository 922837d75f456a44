package org.consilium.patients;

import static org.consilium.testdata.PatientData.aPatient;
import static org.consilium.testing.Problems.assertFieldError;
import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.consilium.access.Role;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Registering, reading and updating patients over real HTTP. */
class PatientApiTest {

  private static TestServer server;
  private static Staff doctor;
  private static Staff colleague;

  @BeforeAll
  static void start() {
    server = TestServer.create().start();
    String hospital = server.testHospitalId();
    doctor = Staff.in(server, hospital, Role.DISTRICT_DOCTOR);
    colleague = Staff.in(server, hospital, Role.ENDOSCOPIST);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("a registered patient reads back with Location, ETag and normalised identifiers")
  void createAndRead() {
    String decomposed = Normalizer.normalize("Nguyễn  Thị Hồng Nhung", Normalizer.Form.NFD);
    JsonObject body = aPatient().named(decomposed).born(1990, 12, 31).sex("female")
        .with("insuranceNumber", "dn 4 79 0123456789").with("phone", "+84 912 345 678")
        .with("address", "12 Hàng Bài, Hoàn Kiếm, Hà Nội").with("medicalRecordNumber", "HS-2026/001").json();
    ApiClient.Response created = doctor.api().post("/api/patients", body);
    assertEquals(201, created.status(), created::toString);
    JsonObject p = created.json();
    assertEquals("/api/patients/" + p.getString("id"), created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals("Nguyễn Thị Hồng Nhung", p.getString("fullName"));
    assertEquals("1990-12-31", p.getString("birthDate"));
    assertEquals("female", p.getString("sex"));
    assertEquals(body.getString("citizenId"), p.getString("citizenId"));
    assertEquals("DN4790123456789", p.getString("insuranceNumber"));
    assertEquals("0912345678", p.getString("phone"));
    assertEquals(doctor.hospitalId(), p.getString("hospitalId"));
    assertEquals("HS-2026/001", p.getString("medicalRecordNumber"));
    assertEquals(1, p.getLong("version"));
    assertEquals(Set.of("id", "fullName", "birthDate", "sex", "citizenId", "insuranceNumber", "phone", "address",
        "hospitalId", "medicalRecordNumber", "version", "createdAt", "updatedAt"), p.fieldNames());

    ApiClient.Response read = colleague.api().get("/api/patients/" + p.getString("id"));
    assertEquals(200, read.status(), read::toString);
    assertEquals("\"1\"", read.header("ETag"));
    assertEquals("no-store", read.header("Cache-Control"));
    assertEquals(p, read.json());
  }

  @Test
  @DisplayName("an update needs the version it was made from: 428 without, 412 when stale, 200 with version + 1")
  void updateWithIfMatch() {
    JsonObject p = aPatient().named("Lê Văn Tám").born(1975, 1, 1).sex("male").create(doctor.api());
    String url = "/api/patients/" + p.getString("id");
    JsonObject change = aPatient().named("Lê Văn Tám").born(1975, 1, 1).sex("male")
        .citizenId(p.getString("citizenId")).with("phone", "0987654321").json();

    assertProblem(doctor.api().put(url, change), ErrorCode.PRECONDITION_REQUIRED);
    assertProblem(doctor.api().header("If-Match", "\"7\"").put(url, change), ErrorCode.PRECONDITION_FAILED);

    ApiClient.Response updated = doctor.api().header("If-Match", "\"1\"").put(url, change);
    assertEquals(200, updated.status(), updated::toString);
    assertEquals("\"2\"", updated.header("ETag"));
    assertEquals(2, updated.json().getLong("version"));
    assertEquals("0987654321", updated.json().getString("phone"));
    assertEquals(p.getString("createdAt"), updated.json().getString("createdAt"));

    // A second editor still holding version 1 loses, and learns it.
    assertProblem(colleague.api().header("If-Match", "\"1\"").put(url, change.copy().put("address", "Huế")),
        ErrorCode.PRECONDITION_FAILED);
    assertNull(doctor.api().get(url).json().getString("address"));

    ApiClient.Response viaBody = colleague.api().put(url, change.copy().put("version", 2).put("address", "Huế"));
    assertEquals(200, viaBody.status(), viaBody::toString);
    assertEquals(3, viaBody.json().getLong("version"));
    assertEquals("Huế", doctor.api().get(url).json().getString("address"));
  }

  @Test
  @DisplayName("every invalid field is named at once, and nothing is written")
  void allErrorsAtOnce() {
    long before = total();
    JsonObject bad = new JsonObject().put("fullName", "Nguyen <b>").put("birthDate", "1990-02-30").put("sex", "yes")
        .put("citizenId", "12345").put("insuranceNumber", "XX9790123456789").put("phone", "12345")
        .put("medicalRecordNumber", "#1").put("nickname", "Tí");
    ApiClient.Response resp = doctor.api().post("/api/patients", bad);
    JsonObject problem = assertProblem(resp, ErrorCode.VALIDATION_FAILED);
    Set<String> pointers = problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("pointer"))
        .collect(Collectors.toSet());
    assertEquals(Set.of("/fullName", "/birthDate", "/sex", "/citizenId", "/insuranceNumber", "/phone",
        "/medicalRecordNumber", "/nickname"), pointers);
    assertEquals(before, total());

    assertFieldError(doctor.api().post("/api/patients", new JsonObject().put("sex", "male")), "/fullName");
    assertFieldError(doctor.api().post("/api/patients", aPatient().with("birthDate", "2999-01-01").json()), "/birthDate");
    assertProblem(doctor.api().send("POST", "/api/patients", "{\"fullName\": ", "application/json"), ErrorCode.BAD_REQUEST);
    assertProblem(doctor.api().send("POST", "/api/patients", "fullName=A", "text/plain"), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    assertEquals(before, total());
  }

  @Test
  @DisplayName("a citizen ID that disagrees with birth date and sex gets one error per mismatch")
  void citizenIdMismatches() {
    // 079 = Hồ Chí Minh; digit 4 '3' = female born 2000-2099; digits 5-6 '05' = 2005.
    JsonObject body = aPatient().named("Phạm Văn Bình").born(1985, 3, 2).sex("male").citizenId("079305012345").json();
    JsonObject problem = assertProblem(doctor.api().post("/api/patients", body), ErrorCode.VALIDATION_FAILED);
    List<String> details = problem.getJsonArray("errors").stream().map(e -> (JsonObject) e)
        .filter(e -> e.getString("pointer").equals("/citizenId")).map(e -> e.getString("detail")).toList();
    assertEquals(3, details.size(), details::toString);
    assertTrue(details.stream().anyMatch(d -> d.contains("digit 4 gives a birth year in 2000-2099")));
    assertTrue(details.stream().anyMatch(d -> d.contains("digits 5-6")));
    assertTrue(details.stream().anyMatch(d -> d.contains("sex as female")));
    assertFalse(problem.encode().contains("1985"), "the answer does not echo the birth date");
  }

  @Test
  @DisplayName("a citizen ID registered twice is refused with 409 naming the field and the visible patient")
  void duplicateCitizenId() {
    JsonObject first = aPatient().named("Đỗ Thị Lan").born(1988, 8, 8).create(doctor.api());
    JsonObject again = aPatient().named("Đỗ Thị Lan Anh").born(1988, 8, 8).citizenId(first.getString("citizenId")).json();
    JsonObject problem = assertProblem(colleague.api().post("/api/patients", again), ErrorCode.DUPLICATE_CITIZEN_ID);
    JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
    assertEquals("/citizenId", error.getString("pointer"));
    assertTrue(error.getString("detail").contains(first.getString("id")), "a colleague of the same hospital is shown the record");

    // Another hospital's clinician learns only that the number is taken.
    Staff stranger = Staff.in(server, Staff.newHospital(server, "Bệnh viện Trung ương Huế"), Role.SPECIALIST);
    ApiClient.Response elsewhere = stranger.api().post("/api/patients", again);
    assertProblem(elsewhere, ErrorCode.DUPLICATE_CITIZEN_ID);
    assertFalse(elsewhere.body().contains(first.getString("id")));
    assertFalse(elsewhere.body().contains("Lan"));

    // Changing a patient's citizen ID to one already taken is refused the same way.
    JsonObject other = aPatient().named("Đỗ Văn Hùng").born(1988, 8, 8).sex("male").create(doctor.api());
    ApiClient.Response clash = doctor.api().header("If-Match", "\"1\"").put("/api/patients/" + other.getString("id"),
        aPatient().named("Đỗ Văn Hùng").born(1988, 8, 8).sex("female").citizenId(first.getString("citizenId")).json());
    assertProblem(clash, ErrorCode.DUPLICATE_CITIZEN_ID);
    assertEquals(1, doctor.api().get("/api/patients/" + other.getString("id")).json().getLong("version"));
  }

  @Test
  @DisplayName("a medical record number is unique within a hospital")
  void duplicateRecordNumber() {
    aPatient().named("Vũ Văn Long").with("medicalRecordNumber", "MRN-777").create(doctor.api());
    ApiClient.Response resp = doctor.api().post("/api/patients", aPatient().named("Vũ Thị Hoa").with("medicalRecordNumber", "MRN-777").json());
    JsonObject problem = assertProblem(resp, ErrorCode.DUPLICATE_MEDICAL_RECORD_NUMBER);
    assertEquals("/medicalRecordNumber", problem.getJsonArray("errors").getJsonObject(0).getString("pointer"));
  }

  @Test
  @DisplayName("patients without a citizen ID or record number do not collide with each other")
  void optionalIdentifiers() {
    JsonObject a = aPatient().named("Bệnh nhân Không Giấy Tờ").withoutCitizenId().sex("unknown").with("birthDate", null).create(doctor.api());
    JsonObject b = aPatient().named("Bệnh nhân Không Giấy Tờ").withoutCitizenId().sex("unknown").with("birthDate", null).create(doctor.api());
    assertFalse(a.getString("id").equals(b.getString("id")));
    assertNull(a.getString("citizenId"));
    assertNull(a.getString("birthDate"));
  }

  @Test
  @DisplayName("administrators get 403 on patient data")
  void administratorsSeeNoPatients() {
    JsonObject p = aPatient().named("Hồ Văn Nam").create(doctor.api());
    assertProblem(server.admin().get("/api/patients/" + p.getString("id")), ErrorCode.FORBIDDEN);
    assertProblem(server.admin().get("/api/patients?name=ho"), ErrorCode.FORBIDDEN);
    assertProblem(server.admin().post("/api/patients", aPatient().json()), ErrorCode.FORBIDDEN);
  }

  @Test
  @DisplayName("an unknown patient id is 404 PATIENT_NOT_FOUND")
  void unknownPatient() {
    assertProblem(doctor.api().get("/api/patients/does-not-exist"), ErrorCode.PATIENT_NOT_FOUND);
    assertProblem(doctor.api().header("If-Match", "\"1\"").put("/api/patients/does-not-exist", aPatient().json()),
        ErrorCode.PATIENT_NOT_FOUND);
  }

  private static long total() {
    return doctor.api().get("/api/patients?limit=1").json().getLong("total");
  }
}
