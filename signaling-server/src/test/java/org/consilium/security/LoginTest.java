package org.consilium.security;

import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginTest {

  private static final int MAX_FAILURES = 3;
  private static TestServer server;
  private static String hospitalId;

  @BeforeAll
  static void start() {
    server = TestServer.create().with("LOGIN_MAX_FAILURES", String.valueOf(MAX_FAILURES)).start();
    hospitalId = server.createHospital("BVDK-HN", "Bệnh viện Đa khoa Hà Nội", "provincial").getString("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ApiClient.Response login(String username, String password) {
    return server.api().post("/api/auth/login", new JsonObject().put("username", username).put("password", password));
  }

  @Test
  @DisplayName("a right password returns tokens and the user with the hospital's name, and is audited")
  void success() {
    JsonObject user = server.createUser("bs.an", Role.DISTRICT_DOCTOR, hospitalId);
    ApiClient.Response resp = login("BS.An", TestServer.USER_PASSWORD);
    assertEquals(200, resp.status(), resp::toString);
    assertEquals("no-store", resp.header("Cache-Control"));
    JsonObject body = resp.json();
    assertEquals(3, body.getString("accessToken").split("\\.").length, "a JWT");
    assertEquals(43, body.getString("refreshToken").length(), "32 bytes base64url");
    assertEquals(600, body.getInteger("expiresIn"));
    assertEquals(new JsonObject().put("id", user.getString("id")).put("username", "bs.an")
        .put("displayName", "Bác sĩ bs.an").put("role", "district_doctor").put("hospitalId", hospitalId)
        .put("hospitalName", "Bệnh viện Đa khoa Hà Nội"), body.getJsonObject("user"));

    ApiClient.Response me = server.api().token(body.getString("accessToken")).get("/api/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals("bs.an", me.json().getString("username"));

    AuditEvent last = lastEvent(AuditAction.LOGIN);
    assertEquals(user.getString("id"), last.actorUserId());
    assertEquals(AuditOutcome.SUCCESS, last.outcome());
  }

  @Test
  @DisplayName("a wrong password and an unknown username get the same answer, and both are audited")
  void unknownUserLooksLikeWrongPassword() {
    server.createUser("bs.binh", Role.SPECIALIST, hospitalId);
    ApiClient.Response wrong = login("bs.binh", "not-the-password-at-all");
    ApiClient.Response unknown = login("nobody.here", "not-the-password-at-all");
    JsonObject a = assertProblem(wrong, ErrorCode.LOGIN_FAILED);
    JsonObject b = assertProblem(unknown, ErrorCode.LOGIN_FAILED);
    assertEquals(a.getString("detail"), b.getString("detail"));
    assertEquals(a.getString("title"), b.getString("title"));

    List<AuditEvent> failures = server.audit().events(AuditAction.LOGIN_FAILED);
    assertTrue(failures.stream().anyMatch(e -> "nobody.here".equals(e.actorName()) && e.actorUserId() == null));
    assertTrue(failures.stream().anyMatch(e -> "bs.binh".equals(e.actorName()) && e.actorUserId() != null));
  }

  @Test
  @DisplayName("missing fields are named in a validation problem")
  void validation() {
    JsonObject body = assertProblem(server.api().post("/api/auth/login", new JsonObject()), ErrorCode.VALIDATION_FAILED);
    assertEquals(2, body.getJsonArray("errors").size(), body::encode);
  }

  @Test
  @DisplayName("N wrong passwords lock the account (423 even with the right password) until an administrator unlocks it")
  void lockoutAndUnlock() {
    JsonObject user = server.createUser("bs.cuong", Role.ENDOSCOPIST, hospitalId);
    String liveToken = server.login("bs.cuong", TestServer.USER_PASSWORD);
    for (int i = 1; i < MAX_FAILURES; i++) assertProblem(login("bs.cuong", "wrong-password-" + i), ErrorCode.LOGIN_FAILED);
    assertProblem(login("bs.cuong", "wrong-password-last"), ErrorCode.ACCOUNT_LOCKED);
    assertProblem(login("bs.cuong", TestServer.USER_PASSWORD), ErrorCode.ACCOUNT_LOCKED);
    assertProblem(server.api().token(liveToken).get("/api/me"), ErrorCode.TOKEN_INVALID);
    assertEquals(1, server.audit().events(AuditAction.ACCOUNT_LOCKED).stream()
        .filter(e -> user.getString("id").equals(e.actorUserId())).count());

    JsonObject shown = server.admin().get("/api/users/" + user.getString("id")).json();
    assertTrue(shown.getBoolean("locked"));
    assertNotNull(shown.getString("lockedUntil"));

    ApiClient.Response unlocked = server.admin().post("/api/users/" + user.getString("id") + "/unlock", null);
    assertEquals(200, unlocked.status(), unlocked::toString);
    assertFalse(unlocked.json().getBoolean("locked"));
    assertEquals(200, login("bs.cuong", TestServer.USER_PASSWORD).status());
    assertFalse(server.audit().events(AuditAction.ACCOUNT_UNLOCKED).isEmpty());
  }

  @Test
  @DisplayName("a right password resets the failure count")
  void successResetsCount() {
    server.createUser("bs.dung", Role.SPECIALIST, hospitalId);
    for (int round = 0; round < 2; round++) {
      for (int i = 1; i < MAX_FAILURES; i++) assertProblem(login("bs.dung", "wrong-password-" + i), ErrorCode.LOGIN_FAILED);
      assertEquals(200, login("bs.dung", TestServer.USER_PASSWORD).status());
    }
  }

  @Test
  @DisplayName("concurrent wrong passwords are all counted (atomic increments), and lock exactly once")
  void concurrentFailuresAreCounted() throws Exception {
    int attempts = 12;
    try (TestServer busy = TestServer.create().with("LOGIN_MAX_FAILURES", String.valueOf(attempts)).start()) {
      JsonObject user = busy.createUser("bs.giang", Role.SPECIALIST, busy.testHospitalId());
      String path = "/api/users/" + user.getString("id");
      ExecutorService pool = Executors.newFixedThreadPool(attempts);
      try {
        List<Future<ApiClient.Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < attempts - 1; i++) {
          JsonObject body = new JsonObject().put("username", "bs.giang").put("password", "wrong-in-parallel-" + i);
          answers.add(pool.submit(() -> busy.api().post("/api/auth/login", body)));
        }
        for (Future<ApiClient.Response> a : answers) assertProblem(a.get(), ErrorCode.LOGIN_FAILED);
        assertEquals(attempts - 1, busy.admin().get(path).json().getInteger("failedLogins"), "no failure lost");

        answers.clear();
        for (int i = 0; i < attempts; i++) {
          JsonObject body = new JsonObject().put("username", "bs.giang").put("password", "wrong-again-" + i);
          answers.add(pool.submit(() -> busy.api().post("/api/auth/login", body)));
        }
        for (Future<ApiClient.Response> a : answers) {
          int status = a.get().status();
          assertTrue(status == 401 || status == 423, () -> "status " + status);
        }
      } finally {
        pool.shutdown();
      }
      assertTrue(busy.admin().get(path).json().getBoolean("locked"));
      assertEquals(1, busy.audit().events(AuditAction.ACCOUNT_LOCKED).size(), "locked exactly once");
    }
  }

  @Test
  @DisplayName("a disabled user cannot sign in, and their live tokens stop working")
  void disabledUser() {
    JsonObject user = server.createUser("bs.hoa", Role.DISTRICT_DOCTOR, hospitalId);
    String token = server.login("bs.hoa", TestServer.USER_PASSWORD);
    ApiClient.Response off = server.admin().header("If-Match", "\"" + user.getLong("version") + "\"")
        .put("/api/users/" + user.getString("id"), new JsonObject().put("active", false));
    assertEquals(200, off.status(), off::toString);
    assertProblem(server.api().token(token).get("/api/me"), ErrorCode.TOKEN_INVALID);
    assertProblem(login("bs.hoa", TestServer.USER_PASSWORD), ErrorCode.ACCOUNT_DISABLED);
    assertProblem(login("bs.hoa", "a-wrong-password"), ErrorCode.LOGIN_FAILED);
  }

  @Test
  @DisplayName("when the audit trail refuses, sign-in is refused too (fail closed)")
  void failsClosedWithoutAudit() {
    server.createUser("bs.khanh", Role.SPECIALIST, hospitalId);
    server.audit().failing(true);
    try {
      assertProblem(login("bs.khanh", TestServer.USER_PASSWORD), ErrorCode.AUDIT_UNAVAILABLE);
      assertProblem(login("bs.khanh", "wrong-password-x"), ErrorCode.AUDIT_UNAVAILABLE);
    } finally {
      server.audit().failing(false);
    }
    assertEquals(200, login("bs.khanh", TestServer.USER_PASSWORD).status());
  }

  @Test
  @DisplayName("passwords and tokens never reach the audit detail")
  void noSecretsInAudit() {
    server.createUser("bs.lan", Role.SPECIALIST, hospitalId);
    JsonObject tokens = login("bs.lan", TestServer.USER_PASSWORD).json();
    login("bs.lan", "typo-" + TestServer.USER_PASSWORD);
    for (AuditEvent e : server.audit().events()) {
      String all = String.valueOf(e);
      assertFalse(all.contains(TestServer.USER_PASSWORD), all);
      assertFalse(all.contains(tokens.getString("refreshToken")), all);
      assertFalse(all.contains(tokens.getString("accessToken")), all);
    }
    assertNull(lastEvent(AuditAction.LOGIN).patientId());
    assertNotEquals(null, lastEvent(AuditAction.LOGIN).resourceId());
  }

  private static AuditEvent lastEvent(AuditAction action) {
    List<AuditEvent> events = server.audit().events(action);
    return events.get(events.size() - 1);
  }
}
