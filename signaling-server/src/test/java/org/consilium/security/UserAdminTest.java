package org.consilium.security;

import static org.consilium.testing.Problems.assertFieldError;
import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

class UserAdminTest {

  private static TestServer server;
  private static String hospitalId;

  @BeforeAll
  static void start() {
    server = TestServer.create().start();
    hospitalId = server.testHospitalId();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject newUser(String username, String password) {
    return new JsonObject().put("username", username).put("displayName", "Nguyễn Thị Mai").put("role", "specialist")
        .put("hospitalId", hospitalId).put("email", "mai@bvtw.vn").put("specialty", "Tiêu hoá").put("password", password);
  }

  @Test
  @DisplayName("an administrator creates a user; the answer has no password hash, an ETag and a Location")
  void create() {
    ApiClient.Response resp = server.admin().post("/api/users", newUser("u.mai", "Mật-khẩu-đủ-dài"));
    assertEquals(201, resp.status(), resp::toString);
    JsonObject u = resp.json();
    assertEquals("\"1\"", resp.header("ETag"));
    assertEquals("/api/users/" + u.getString("id"), resp.header("Location"));
    assertEquals("Nguyễn Thị Mai", u.getString("displayName"));
    assertEquals("Tiêu hoá", u.getString("specialty"));
    assertTrue(u.getBoolean("active"));
    assertFalse(u.getBoolean("locked"));
    assertFalse(resp.body().contains("argon2"), "no hash in " + resp.body());
    assertFalse(u.containsKey("passwordHash"));
    server.login("U.MAI", "Mật-khẩu-đủ-dài");
    assertTrue(server.audit().events(AuditAction.CREATE).stream().anyMatch(e -> u.getString("id").equals(e.resourceId())));
  }

  @Test
  @DisplayName("usernames are unique regardless of case: 409")
  void duplicateUsername() {
    server.createUser("u.dup", Role.SPECIALIST, hospitalId);
    assertProblem(server.admin().post("/api/users", newUser("U.Dup", "Another-long-password")), ErrorCode.USERNAME_TAKEN);
  }

  @Test
  @DisplayName("the password policy names the field: too short, the username itself")
  void passwordPolicy() {
    JsonObject shortPw = assertFieldError(server.admin().post("/api/users", newUser("u.short", "short1")), "/password");
    assertTrue(shortPw.encode().contains("at least 10 characters"), shortPw::encode);
    JsonObject same = assertFieldError(server.admin().post("/api/users", newUser("u.samename1", "U.SameName1")), "/password");
    assertTrue(same.encode().contains("must not be the username"), same::encode);
    assertFieldError(server.admin().post("/api/users", newUser("u.nopw", null)), "/password");
    String token = server.tokenFor(Role.DISTRICT_DOCTOR);
    assertFieldError(server.api().token(token).post("/api/me/password",
        new JsonObject().put("currentPassword", TestServer.USER_PASSWORD).put("newPassword", "tooshort")), "/newPassword");
  }

  @Test
  @DisplayName("every invalid field is reported at once")
  void validation() {
    JsonObject bad = new JsonObject().put("username", "x").put("role", "nurse").put("hospitalId", "nope")
        .put("email", "not-an-email").put("password", "long-enough-password").put("extra", 1);
    JsonObject body = assertProblem(server.admin().post("/api/users", bad), ErrorCode.VALIDATION_FAILED);
    JsonArray errors = body.getJsonArray("errors");
    for (String pointer : new String[] {"/username", "/displayName", "/role", "/email", "/extra"}) {
      assertTrue(errors.stream().anyMatch(e -> pointer.equals(((JsonObject) e).getString("pointer"))), pointer + " in " + errors);
    }
    assertFieldError(server.admin().post("/api/users", newUser("u.nohosp", "long-enough-password").put("hospitalId", "missing")),
        "/hospitalId");
  }

  @Test
  @DisplayName("updates need the version (If-Match or body); a stale one gets 412, none gets 428")
  void optimisticConcurrency() {
    JsonObject u = server.createUser("u.ver", Role.SPECIALIST, hospitalId);
    String path = "/api/users/" + u.getString("id");
    assertProblem(server.admin().put(path, new JsonObject().put("displayName", "A")), ErrorCode.PRECONDITION_REQUIRED);

    ApiClient.Response first = server.admin().header("If-Match", "\"1\"").put(path, new JsonObject().put("displayName", "Lê Văn A"));
    assertEquals(200, first.status(), first::toString);
    assertEquals("\"2\"", first.header("ETag"));
    assertEquals(2, first.json().getLong("version"));

    assertProblem(server.admin().put(path, new JsonObject().put("displayName", "B").put("version", 1)), ErrorCode.PRECONDITION_FAILED);
    assertProblem(server.admin().header("If-Match", "\"1\"").put(path, new JsonObject().put("displayName", "B")),
        ErrorCode.PRECONDITION_FAILED);
    assertEquals("Lê Văn A", server.admin().get(path).json().getString("displayName"), "the stale edit changed nothing");

    ApiClient.Response second = server.admin().put(path, new JsonObject().put("specialty", "").put("version", 2));
    assertEquals(200, second.status(), second::toString);
    assertNull(second.json().getString("specialty"), "an empty specialty clears it");
    assertProblem(server.admin().header("If-Match", "\"3\"").put("/api/users/no-such-user", new JsonObject().put("displayName", "X")),
        ErrorCode.USER_NOT_FOUND);
  }

  @Test
  @DisplayName("the list filters by hospital and role")
  void listFilters() {
    String other = server.createHospital("BV-LOC", "Bệnh viện Lọc", "district").getString("id");
    server.createUser("u.filter1", Role.ENDOSCOPIST, other);
    server.createUser("u.filter2", Role.DISTRICT_DOCTOR, other);
    JsonArray endoscopists = server.admin().get("/api/users?hospitalId=" + other + "&role=endoscopist").array();
    assertEquals(1, endoscopists.size(), endoscopists::encode);
    assertEquals("u.filter1", endoscopists.getJsonObject(0).getString("username"));
    assertEquals(2, server.admin().get("/api/users?hospitalId=" + other).array().size());
    assertProblem(server.admin().get("/api/users?role=nurse"), ErrorCode.BAD_REQUEST);
  }

  @Test
  @DisplayName("the last active administrator cannot be demoted or disabled")
  void lastAdministrator() {
    JsonObject admin = server.admin().get("/api/users?role=administrator").array().stream().map(JsonObject.class::cast)
        .filter(u -> u.getString("username").equals("admin")).findFirst().orElseThrow();
    String path = "/api/users/" + admin.getString("id");
    long version = admin.getLong("version");
    assertProblem(server.admin().put(path, new JsonObject().put("active", false).put("version", version)), ErrorCode.CONFLICT);
    assertProblem(server.admin().put(path, new JsonObject().put("role", "specialist").put("version", version)), ErrorCode.CONFLICT);
    assertEquals(200, server.admin().get("/api/me").status());
  }

  @Test
  @DisplayName("GET /api/me shows my account with my hospital's name")
  void me() {
    String token = server.tokenFor(Role.ENDOSCOPIST);
    ApiClient.Response me = server.api().token(token).get("/api/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals("endoscopist", me.json().getString("role"));
    assertEquals("Bệnh viện Kiểm thử", me.json().getString("hospitalName"));
  }

  @Test
  @DisplayName("unknown ids give USER_NOT_FOUND")
  void notFound() {
    assertProblem(server.admin().get("/api/users/does-not-exist"), ErrorCode.USER_NOT_FOUND);
    assertProblem(server.admin().post("/api/users/does-not-exist/unlock", null), ErrorCode.USER_NOT_FOUND);
    assertProblem(server.admin().post("/api/users/does-not-exist/reset-password",
        new JsonObject().put("newPassword", "long-enough-password")), ErrorCode.USER_NOT_FOUND);
  }
}
