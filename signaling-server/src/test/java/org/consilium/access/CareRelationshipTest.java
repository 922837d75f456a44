package org.consilium.access;

import static org.consilium.testdata.PatientData.aPatient;
import static org.consilium.testing.Problems.assertProblem;
import static org.consilium.testing.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.patients.PatientService;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A clinician sees the patients of their own hospital, and others' only through a care-team grant. */
class CareRelationshipTest {

  private static TestServer server;
  private static Staff districtDoctor;
  private static Staff specialist;
  private static CareTeam careTeam;

  @BeforeAll
  static void start() {
    server = TestServer.create().start();
    districtDoctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
    specialist = Staff.in(server, Staff.newHospital(server, "Bệnh viện Chợ Rẫy"), Role.SPECIALIST);
    careTeam = server.verticle().application().careTeam();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("another hospital's clinician can neither read, update nor find the patient, and learns nothing")
  void strangerSeesNothing() {
    JsonObject p = aPatient().named("Quách Thị Ngọc Diệp").born(1970, 7, 7).create(districtDoctor.api());
    String url = "/api/patients/" + p.getString("id");
    ApiClient.Response read = specialist.api().get(url);
    assertProblem(read, ErrorCode.PATIENT_NOT_FOUND);
    assertEquals(specialist.api().get("/api/patients/no-such-id").json().getString("detail"), read.json().getString("detail"),
        "an invisible patient is answered exactly like a missing one");
    assertNoPatientData(read, p);
    ApiClient.Response update = specialist.api().put(url, aPatient().named("Quách Thị Diệp").json());
    assertProblem(update, ErrorCode.PATIENT_NOT_FOUND);
    assertNoPatientData(update, p);
    assertEquals(0, specialist.api().get("/api/patients?name=quach+thi").json().getLong("total"));
    assertEquals(1, districtDoctor.api().get(url).json().getLong("version"), "the refused update changed nothing");
  }

  @Test
  @DisplayName("a care-team grant makes the patient visible until it is revoked")
  void grantAndRevoke() {
    JsonObject p = aPatient().named("Mạc Văn Khoa").born(1955, 1, 20).sex("male").create(districtDoctor.api());
    String id = p.getString("id");
    String url = "/api/patients/" + id;
    assertProblem(specialist.api().get(url), ErrorCode.PATIENT_NOT_FOUND);

    CareGrant grant = await(careTeam.grant(id, specialist.userId(), "consultation:c-101", districtDoctor.userId()));
    assertEquals("consultation:c-101", grant.reason());
    assertEquals(p, specialist.api().get(url).json());
    assertEquals(1, specialist.api().get("/api/patients?name=mac+van+khoa").json().getLong("total"));
    ApiClient.Response updated = specialist.api().header("If-Match", "\"1\"").put(url,
        aPatient().named("Mạc Văn Khoa").born(1955, 1, 20).sex("male").citizenId(p.getString("citizenId"))
            .with("address", "Cần Thơ").json());
    assertEquals(200, updated.status(), updated::toString);
    assertEquals(districtDoctor.hospitalId(), updated.json().getString("hospitalId"), "the managing hospital stays");

    // Two reasons: revoking one leaves the other.
    await(careTeam.grant(id, specialist.userId(), "consultation:c-102", districtDoctor.userId()));
    assertTrue(await(careTeam.revoke(id, specialist.userId(), "consultation:c-101", districtDoctor.userId())));
    assertEquals(200, specialist.api().get(url).status());
    assertTrue(await(careTeam.revoke(id, specialist.userId(), "consultation:c-102", districtDoctor.userId())));
    assertFalse(await(careTeam.revoke(id, specialist.userId(), "consultation:c-102", districtDoctor.userId())));
    assertProblem(specialist.api().get(url), ErrorCode.PATIENT_NOT_FOUND);
    assertEquals(0, specialist.api().get("/api/patients?name=mac+van+khoa").json().getLong("total"));
  }

  @Test
  @DisplayName("an expired grant gives no access")
  void expiredGrant() {
    JsonObject p = aPatient().named("Tô Thị Hiền").create(districtDoctor.api());
    await(careTeam.grant(p.getString("id"), specialist.userId(), "consultation:old", districtDoctor.userId(),
        Instant.now().minusSeconds(60)));
    assertProblem(specialist.api().get("/api/patients/" + p.getString("id")), ErrorCode.PATIENT_NOT_FOUND);
    assertEquals(0, await(careTeam.grantsOn(p.getString("id"))).size());
  }

  @Test
  @DisplayName("requireVisible: the patient for its hospital and grantees; 404 for strangers, the absent and administrators")
  void requireVisible() {
    PatientService patients = server.verticle().application().patients();
    JsonObject p = aPatient().named("Lý Thị Sen").create(districtDoctor.api());
    String id = p.getString("id");
    Principal doctor = principal(districtDoctor, Role.DISTRICT_DOCTOR);
    Principal stranger = principal(specialist, Role.SPECIALIST);
    Principal admin = new Principal("admin-x", "admin", "Admin", Role.ADMINISTRATOR, districtDoctor.hospitalId(), null);

    assertEquals(id, await(patients.requireVisible(doctor, id)).id());
    assertNotFound(() -> await(patients.requireVisible(stranger, id)));
    assertNotFound(() -> await(patients.requireVisible(doctor, "absent")));
    assertNotFound(() -> await(patients.requireVisible(admin, id)));
    await(careTeam.grant(id, specialist.userId(), "consultation:c-7", districtDoctor.userId()));
    assertEquals(id, await(patients.requireVisible(stranger, id)).id());
  }

  @Test
  @DisplayName("grants with missing parts are refused")
  void badGrants() {
    assertThrows(IllegalArgumentException.class, () -> await(careTeam.grant("p", "u", " ", "by")));
    assertThrows(IllegalArgumentException.class, () -> await(careTeam.grant("p", null, "consultation:1", "by")));
    assertThrows(IllegalArgumentException.class, () -> await(careTeam.grant("p", "u", "a\nb", "by")));
  }

  private static Principal principal(Staff s, Role role) {
    return new Principal(s.userId(), "u", "U", role, s.hospitalId(), null);
  }

  private static void assertNotFound(Runnable call) {
    ApiException e = assertThrows(ApiException.class, call::run);
    assertEquals(ErrorCode.PATIENT_NOT_FOUND, e.code());
  }

  static void assertNoPatientData(ApiClient.Response resp, JsonObject p) {
    for (String field : new String[] {"fullName", "citizenId", "birthDate", "insuranceNumber", "phone", "address"}) {
      String value = p.getString(field);
      if (value != null) assertFalse(resp.body().contains(value), () -> field + " leaked in " + resp);
    }
  }
}
