package org.consilium.security;

import static org.consilium.testing.Problems.assertFieldError;
import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HospitalTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.create().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("an administrator registers a hospital; codes are unique, case-insensitively")
  void createAndDuplicate() {
    ApiClient.Response resp = server.admin().post("/api/hospitals", new JsonObject().put("code", "bvbm")
        .put("name", "Bệnh viện Bạch Mai").put("level", "central").put("province", "Hà Nội"));
    assertEquals(201, resp.status(), resp::toString);
    JsonObject h = resp.json();
    assertEquals("BVBM", h.getString("code"));
    assertEquals("central", h.getString("level"));
    assertTrue(h.getBoolean("active"));
    assertEquals(1, h.getLong("version"));
    assertEquals(h, server.admin().get("/api/hospitals/" + h.getString("id")).json());
    assertProblem(server.admin().post("/api/hospitals", new JsonObject().put("code", "BVBM")
        .put("name", "Trùng mã").put("level", "district").put("province", "Hà Nội")), ErrorCode.HOSPITAL_CODE_TAKEN);
    assertTrue(server.audit().events(AuditAction.CREATE).stream().anyMatch(e -> h.getString("id").equals(e.resourceId())));
  }

  @Test
  @DisplayName("invalid hospitals are refused field by field")
  void validation() {
    JsonObject body = assertProblem(server.admin().post("/api/hospitals",
        new JsonObject().put("code", "x y").put("level", "village")), ErrorCode.VALIDATION_FAILED);
    JsonArray errors = body.getJsonArray("errors");
    for (String pointer : new String[] {"/code", "/name", "/level", "/province"}) {
      assertTrue(errors.stream().anyMatch(e -> pointer.equals(((JsonObject) e).getString("pointer"))), pointer + " in " + errors);
    }
  }

  @Test
  @DisplayName("edits are versioned; a deactivated hospital is hidden from non-administrators")
  void editAndVisibility() {
    JsonObject h = server.createHospital("TTYT-SS", "Trung tâm Y tế huyện Sóc Sơn", "district");
    String path = "/api/hospitals/" + h.getString("id");
    String doctor = server.tokenFor(Role.DISTRICT_DOCTOR);
    assertTrue(codes(server.api().token(doctor).get("/api/hospitals").array()).contains("TTYT-SS"));

    ApiClient.Response off = server.admin().header("If-Match", "\"1\"").put(path, new JsonObject().put("active", false));
    assertEquals(200, off.status(), off::toString);
    assertFalse(off.json().getBoolean("active"));
    assertEquals(2, off.json().getLong("version"));
    assertProblem(server.admin().put(path, new JsonObject().put("name", "X").put("version", 1)), ErrorCode.PRECONDITION_FAILED);
    assertProblem(server.admin().put(path, new JsonObject().put("name", "X")), ErrorCode.PRECONDITION_REQUIRED);

    assertFalse(codes(server.api().token(doctor).get("/api/hospitals").array()).contains("TTYT-SS"));
    assertTrue(codes(server.admin().get("/api/hospitals").array()).contains("TTYT-SS"));
    assertFieldError(server.admin().put(path, new JsonObject().put("level", "village").put("version", 2)), "/level");
    assertProblem(server.admin().get("/api/hospitals/nope"), ErrorCode.HOSPITAL_NOT_FOUND);
    assertProblem(server.admin().put("/api/hospitals/nope", new JsonObject().put("name", "X").put("version", 1)),
        ErrorCode.HOSPITAL_NOT_FOUND);
  }

  private static java.util.List<String> codes(JsonArray hospitals) {
    return hospitals.stream().map(o -> ((JsonObject) o).getString("code")).toList();
  }
}
