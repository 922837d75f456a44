package org.consilium.security;

import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditOutcome;
import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionTest {

  private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
  private static TestServer server;
  private static String hospitalId;

  @BeforeAll
  static void start() {
    server = TestServer.create().with("JWT_SECRET", SECRET).start();
    hospitalId = server.testHospitalId();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject signIn(String username) {
    ApiClient.Response resp = server.api().post("/api/auth/login",
        new JsonObject().put("username", username).put("password", TestServer.USER_PASSWORD));
    assertEquals(200, resp.status(), resp::toString);
    return resp.json();
  }

  private static ApiClient.Response refresh(String refreshToken) {
    return server.api().post("/api/auth/refresh", new JsonObject().put("refreshToken", refreshToken));
  }

  @Test
  @DisplayName("a refresh rotates the refresh token and issues a working access token")
  void rotation() {
    server.createUser("r.one", Role.SPECIALIST, hospitalId);
    JsonObject first = signIn("r.one");
    ApiClient.Response resp = refresh(first.getString("refreshToken"));
    assertEquals(200, resp.status(), resp::toString);
    JsonObject second = resp.json();
    assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
    assertEquals("r.one", second.getJsonObject("user").getString("username"));
    assertEquals(200, server.api().token(second.getString("accessToken")).get("/api/me").status());
    assertEquals(200, refresh(second.getString("refreshToken")).status(), "the new refresh token works once");
    assertTrue(server.audit().events(AuditAction.TOKEN_REFRESH).stream().anyMatch(e -> e.outcome() == AuditOutcome.SUCCESS));
  }

  @Test
  @DisplayName("presenting a rotated refresh token again revokes the whole session (theft detection)")
  void reuseRevokesSession() {
    server.createUser("r.two", Role.SPECIALIST, hospitalId);
    JsonObject first = signIn("r.two");
    JsonObject second = refresh(first.getString("refreshToken")).json();

    assertProblem(refresh(first.getString("refreshToken")), ErrorCode.REFRESH_INVALID);
    assertProblem(refresh(second.getString("refreshToken")), ErrorCode.REFRESH_INVALID);
    assertProblem(server.api().token(second.getString("accessToken")).get("/api/me"), ErrorCode.TOKEN_INVALID);
    assertTrue(server.audit().events(AuditAction.TOKEN_REFRESH).stream().anyMatch(e -> e.outcome() == AuditOutcome.DENIED));
    signIn("r.two");   // the account itself is fine: a new sign-in works
  }

  @Test
  @DisplayName("an unknown refresh token is refused")
  void unknownRefresh() {
    assertProblem(refresh("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), ErrorCode.REFRESH_INVALID);
  }

  @Test
  @DisplayName("logout ends the session: its access token and refresh token stop working at once")
  void logout() {
    server.createUser("r.three", Role.DISTRICT_DOCTOR, hospitalId);
    JsonObject tokens = signIn("r.three");
    JsonObject other = signIn("r.three");
    ApiClient.Response out = server.api().token(tokens.getString("accessToken")).post("/api/auth/logout", null);
    assertEquals(204, out.status(), out::toString);
    assertProblem(server.api().token(tokens.getString("accessToken")).get("/api/me"), ErrorCode.TOKEN_INVALID);
    assertProblem(refresh(tokens.getString("refreshToken")), ErrorCode.REFRESH_INVALID);
    assertEquals(200, server.api().token(other.getString("accessToken")).get("/api/me").status(), "other sessions live on");
    assertTrue(server.audit().events(AuditAction.LOGOUT).size() >= 1);
  }

  @Test
  @DisplayName("an expired, a re-signed or a malformed access token gets 401")
  void expiredAndForged() {
    server.createUser("r.four", Role.SPECIALIST, hospitalId);
    String token = signIn("r.four").getString("accessToken");
    JsonObject payload = payload(token);
    long now = Instant.now().getEpochSecond();

    String expired = sign(payload.copy().put("iat", now - 700).put("exp", now - 60), SECRET);
    assertProblem(server.api().token(expired).get("/api/me"), ErrorCode.TOKEN_INVALID);

    String stillValid = sign(payload.copy().put("exp", now + 60), SECRET);
    assertEquals(200, server.api().token(stillValid).get("/api/me").status(), "the test signs like the server");

    String forged = sign(payload.copy().put("role", "administrator"), "another-secret-that-is-long-enough-to-use");
    assertProblem(server.api().token(forged).get("/api/me"), ErrorCode.TOKEN_INVALID);
    String otherIssuer = sign(payload.copy().put("iss", "https://evil.example"), SECRET);
    assertProblem(server.api().token(otherIssuer).get("/api/me"), ErrorCode.TOKEN_INVALID);
    assertProblem(server.api().token("not.a.jwt").get("/api/me"), ErrorCode.TOKEN_INVALID);
    assertProblem(server.api().get("/api/me"), ErrorCode.UNAUTHENTICATED);
  }

  @Test
  @DisplayName("a role change takes effect on the next request, with the same token")
  void roleChangeIsImmediate() {
    JsonObject user = server.createUser("r.five", Role.SPECIALIST, hospitalId);
    String token = server.login("r.five", TestServer.USER_PASSWORD);
    assertProblem(server.api().token(token).get("/api/users"), ErrorCode.FORBIDDEN);
    ApiClient.Response promoted = server.admin().put("/api/users/" + user.getString("id"),
        new JsonObject().put("role", "administrator").put("version", user.getLong("version")));
    assertEquals(200, promoted.status(), promoted::toString);
    assertEquals(200, server.api().token(token).get("/api/users").status());
    assertEquals("administrator", server.api().token(token).get("/api/me").json().getString("role"));
  }

  @Test
  @DisplayName("changing my password ends my other sessions but keeps this one; an admin reset ends all")
  void passwordChangeRevokesOtherSessions() {
    JsonObject user = server.createUser("r.six", Role.ENDOSCOPIST, hospitalId);
    String here = server.login("r.six", TestServer.USER_PASSWORD);
    String elsewhere = server.login("r.six", TestServer.USER_PASSWORD);
    ApiClient.Response changed = server.api().token(here).post("/api/me/password",
        new JsonObject().put("currentPassword", TestServer.USER_PASSWORD).put("newPassword", "Mật khẩu mới 2024"));
    assertEquals(204, changed.status(), changed::toString);
    assertEquals(200, server.api().token(here).get("/api/me").status());
    assertProblem(server.api().token(elsewhere).get("/api/me"), ErrorCode.TOKEN_INVALID);
    String fresh = server.login("r.six", "Mật khẩu mới 2024");

    ApiClient.Response reset = server.admin().post("/api/users/" + user.getString("id") + "/reset-password",
        new JsonObject().put("newPassword", "Reset-by-admin-99"));
    assertEquals(204, reset.status(), reset::toString);
    assertProblem(server.api().token(here).get("/api/me"), ErrorCode.TOKEN_INVALID);
    assertProblem(server.api().token(fresh).get("/api/me"), ErrorCode.TOKEN_INVALID);
    server.login("r.six", "Reset-by-admin-99");
    assertEquals(2, server.audit().events(AuditAction.PASSWORD_CHANGE).stream()
        .filter(e -> user.getString("id").equals(e.resourceId()) && e.outcome() == AuditOutcome.SUCCESS).count());
  }

  @Test
  @DisplayName("a wrong current password is a field error and counts towards the lockout")
  void wrongCurrentPassword() {
    server.createUser("r.seven", Role.SPECIALIST, hospitalId);
    String token = server.login("r.seven", TestServer.USER_PASSWORD);
    JsonObject guess = new JsonObject().put("currentPassword", "not-my-password").put("newPassword", "Another-good-password");
    for (int i = 1; i < 5; i++) {   // LOGIN_MAX_FAILURES defaults to 5
      org.consilium.testing.Problems.assertFieldError(server.api().token(token).post("/api/me/password", guess), "/currentPassword");
    }
    assertTrue(server.audit().events(AuditAction.PASSWORD_CHANGE).stream().anyMatch(e -> e.outcome() == AuditOutcome.FAILED));
    assertProblem(server.api().post("/api/auth/login", new JsonObject().put("username", "r.seven").put("password", "wrong-again")),
        ErrorCode.ACCOUNT_LOCKED);
  }

  static JsonObject payload(String jwt) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  /** Signs claims the way an HS256 issuer does; the test knows the server's secret from JWT_SECRET. */
  static String sign(JsonObject claims, String secret) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String head = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String body = b64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return head + "." + body + "." + b64.encodeToString(mac.doFinal((head + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
