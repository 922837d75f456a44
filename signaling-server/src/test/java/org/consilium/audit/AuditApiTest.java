package org.consilium.audit;

import static org.consilium.testdata.PatientData.aPatient;
import static org.consilium.testing.Problems.assertFieldError;
import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consilium.access.Role;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The administrator's audit endpoints over HTTP. */
class AuditApiTest {

  @Test
  @DisplayName("many concurrent requests keep one valid chain, and verification is itself audited")
  void concurrentRequestsKeepTheChain() throws Exception {
    try (TestServer server = TestServer.create().start()) {
      Staff doctor = Staff.in(server, server.testHospitalId(), Role.SPECIALIST);
      String id = aPatient().named("Giáp Văn Cường").create(doctor.api()).getString("id");
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
          calls.add(pool.submit(() -> doctor.api().get("/api/patients/" + id).status()));
        }
        for (Future<Integer> call : calls) assertEquals(200, call.get());
      } finally {
        pool.shutdown();
      }
      JsonObject v = server.admin().get("/api/audit/verify").json();
      assertTrue(v.getBoolean("valid"), v::encode);
      assertTrue(v.getLong("checked") >= 121, v::encode);
      JsonObject reads = server.admin().get("/api/audit?patientId=" + id + "&action=READ&limit=1").json();
      assertEquals(120, reads.getLong("total"));
      JsonObject verified = server.admin().get("/api/audit?action=AUDIT_VERIFY").json().getJsonArray("items").getJsonObject(0);
      assertEquals("valid checked=" + v.getLong("checked"), verified.getString("detail"));
      assertEquals("administrator", verified.getString("actorRole"));
    }
  }

  @Test
  @DisplayName("GET /api/audit/verify reports the first broken link after tampering in the database")
  void verifyFindsTampering() {
    try (TestServer server = TestServer.create().start()) {
      Staff doctor = Staff.in(server, server.testHospitalId(), Role.ENDOSCOPIST);
      for (int i = 0; i < 5; i++) aPatient().named("Hà Văn Tư").create(doctor.api());
      JsonObject valid = server.admin().get("/api/audit/verify").json();
      assertTrue(valid.getBoolean("valid"));
      long target = valid.getLong("checked") - 2;
      server.verticle().store().collection("audit").updateOne(Filters.eq("_id", target), Updates.set("outcome", "DENIED"));
      JsonObject broken = server.admin().get("/api/audit/verify").json();
      assertEquals(false, broken.getBoolean("valid"));
      assertEquals(new JsonObject().put("seq", target).put("reason", "hash does not match the record's content"),
          broken.getJsonObject("firstBroken"));
      assertEquals(target - 1, broken.getLong("checked"));
      assertEquals(target - 1, broken.getJsonObject("head").getLong("seq"));
      JsonObject record = server.admin().get("/api/audit?action=AUDIT_VERIFY&outcome=FAILED").json();
      assertEquals("broken seq=" + target, record.getJsonArray("items").getJsonObject(0).getString("detail"));
    }
  }

  @Test
  @DisplayName("audit search filters by user, action and time, pages, and refuses bad filters")
  void searchFilters() {
    try (TestServer server = TestServer.create().start()) {
      Staff a = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
      Staff b = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
      Instant start = Instant.now();
      aPatient().create(a.api());
      aPatient().create(a.api());
      aPatient().create(b.api());
      JsonObject byA = server.admin().get("/api/audit?userId=" + a.userId() + "&action=create&limit=1").json();
      assertEquals(2, byA.getLong("total"));
      assertEquals(1, byA.getJsonArray("items").size());
      JsonObject second = server.admin().get("/api/audit?userId=" + a.userId() + "&action=CREATE&limit=1&offset=1").json();
      assertTrue(byA.getJsonArray("items").getJsonObject(0).getLong("seq") > second.getJsonArray("items").getJsonObject(0).getLong("seq"),
          "newest first");
      // Creating the hospital and the users was recorded as CREATE too, by the administrator, before start.
      assertEquals(3, server.admin().get("/api/audit?action=CREATE&from=" + start).json().getLong("total"));
      assertEquals(0, server.admin().get("/api/audit?action=CREATE&userId=" + a.userId() + "&to=" + start).json().getLong("total"));
      assertEquals(2, server.admin().get("/api/audit?action=CREATE&userId=" + a.userId() + "&from=" + start + "&to="
          + Instant.now().plusSeconds(5)).json().getLong("total"));

      assertFieldError(server.admin().get("/api/audit?action=EAT"), "/action");
      assertFieldError(server.admin().get("/api/audit?from=yesterday"), "/from");
      assertFieldError(server.admin().get("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), "/to");
      assertFieldError(server.admin().get("/api/audit?limit=501"), "/limit");
      assertFieldError(server.admin().get("/api/audit?patient=x"), "/patient");
      ApiClient clinician = a.api();
      assertProblem(clinician.get("/api/audit"), ErrorCode.FORBIDDEN);
      assertProblem(clinician.get("/api/audit/verify"), ErrorCode.FORBIDDEN);
    }
  }
}
