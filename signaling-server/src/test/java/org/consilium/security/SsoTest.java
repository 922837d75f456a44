package org.consilium.security;

import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SsoTest {

  private static final String CLIENT_ID = "consilium";
  private static final String CLIENT_SECRET = "s3cret with spaces&symbols";
  private static final String PUBLIC_URL = "https://consilium.benhvien.test";
  private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static StandInIssuer issuer;
  private static TestServer server;

  @BeforeAll
  static void start() {
    issuer = StandInIssuer.start(CLIENT_ID, CLIENT_SECRET);
    server = TestServer.create().with("OIDC_ISSUER", issuer.url()).with("OIDC_CLIENT_ID", CLIENT_ID)
        .with("OIDC_CLIENT_SECRET", CLIENT_SECRET).with("PUBLIC_URL", PUBLIC_URL).start();
    server.createUser("dr.lan", Role.SPECIALIST, server.testHospitalId());
  }

  @AfterAll
  static void stop() {
    server.close();
    issuer.close();
  }

  @AfterEach
  void normal() {
    issuer.mode(StandInIssuer.Mode.NORMAL);
  }

  /** What the browser does: start, follow to the issuer, come back to the callback with the cookie; the final Location. */
  private static String signInThroughIssuer() {
    ApiClient.Response start = server.api().get("/api/auth/sso/login");
    assertEquals(302, start.status(), start::toString);
    String authorize = start.header("Location");
    assertTrue(authorize.startsWith(issuer.url() + "/authorize?"), authorize);
    assertTrue(authorize.contains("code_challenge_method=S256"), authorize);
    assertTrue(authorize.contains("redirect_uri=" + enc(PUBLIC_URL + "/api/auth/sso/callback")), authorize);
    String cookie = start.header("Set-Cookie");
    String flags = cookie.toLowerCase(java.util.Locale.ROOT);
    assertTrue(flags.contains("; httponly") && flags.contains("; samesite=lax") && flags.contains("; secure"), cookie);

    URI callback = URI.create(browse(authorize));
    assertTrue(callback.toString().startsWith(PUBLIC_URL + "/api/auth/sso/callback?"), callback::toString);
    ApiClient.Response back = server.api().header("Cookie", cookie.split(";")[0])
        .get(callback.getRawPath() + "?" + callback.getRawQuery());
    assertEquals(302, back.status(), back::toString);
    return back.header("Location");
  }

  @Test
  @DisplayName("GET /api/auth/sso tells the web app that SSO is on and where to start")
  void status() {
    JsonObject body = server.api().get("/api/auth/sso").json();
    assertEquals(new JsonObject().put("enabled", true).put("loginUrl", "/api/auth/sso/login"), body);
  }

  @Test
  @DisplayName("happy path: the issuer's user maps to the Consilium account and gets Consilium tokens in the fragment")
  void happyPath() {
    issuer.signInAs("Dr.Lan");
    String location = signInThroughIssuer();
    assertTrue(location.startsWith(PUBLIC_URL + "/#sso="), location);
    JsonObject tokens = new JsonObject(new String(Base64.getUrlDecoder().decode(location.substring(location.indexOf("=") + 1)),
        StandardCharsets.UTF_8));
    assertEquals("dr.lan", tokens.getJsonObject("user").getString("username"));
    ApiClient.Response me = server.api().token(tokens.getString("accessToken")).get("/api/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals(200, server.api().post("/api/auth/refresh", new JsonObject().put("refreshToken", tokens.getString("refreshToken"))).status());
    AuditEvent login = server.audit().events(AuditAction.LOGIN).get(server.audit().events(AuditAction.LOGIN).size() - 1);
    assertEquals("sso", login.detail());
  }

  @Test
  @DisplayName("an ID token for another audience is refused")
  void wrongAudience() {
    issuer.signInAs("dr.lan");
    issuer.mode(StandInIssuer.Mode.WRONG_AUDIENCE);
    assertRefused(signInThroughIssuer(), "audience");
  }

  @Test
  @DisplayName("an ID token not signed by the issuer's key is refused")
  void badSignature() {
    issuer.signInAs("dr.lan");
    issuer.mode(StandInIssuer.Mode.BAD_SIGNATURE);
    assertRefused(signInThroughIssuer(), "refused");
  }

  @Test
  @DisplayName("an ID token with another nonce (a replayed token) is refused")
  void wrongNonce() {
    issuer.signInAs("dr.lan");
    issuer.mode(StandInIssuer.Mode.WRONG_NONCE);
    assertRefused(signInThroughIssuer(), "nonce");
  }

  @Test
  @DisplayName("a disabled account cannot sign on either")
  void disabledUser() {
    JsonObject user = server.createUser("dr.tat", Role.SPECIALIST, server.testHospitalId());
    assertEquals(200, server.admin().put("/api/users/" + user.getString("id"),
        new JsonObject().put("active", false).put("version", user.getLong("version"))).status());
    issuer.signInAs("dr.tat");
    assertRefused(signInThroughIssuer(), "No active Consilium account");
  }

  @Test
  @DisplayName("a user the issuer knows but Consilium does not is refused: no accounts are created")
  void unknownUser() {
    issuer.signInAs("someone.else");
    assertRefused(signInThroughIssuer(), "No active Consilium account");
    assertEquals("someone.else", lastFailure().actorName());
    assertFalse(server.admin().get("/api/users").body().contains("someone.else"));
  }

  @Test
  @DisplayName("a callback without the browser's cookie, or replayed, is refused")
  void callbackBoundAndSingleUse() {
    issuer.signInAs("dr.lan");
    ApiClient.Response start = server.api().get("/api/auth/sso/login");
    URI callback = URI.create(browse(start.header("Location")));
    String path = callback.getRawPath() + "?" + callback.getRawQuery();
    assertTrue(server.api().get(path).header("Location").endsWith("#sso-error=" + ErrorCode.SSO_FAILED.code()));
    String cookie = start.header("Set-Cookie").split(";")[0];
    assertTrue(server.api().header("Cookie", cookie).get(path).header("Location").contains("#sso="));
    assertTrue(server.api().header("Cookie", cookie).get(path).header("Location").endsWith("#sso-error=" + ErrorCode.SSO_FAILED.code()),
        "the same state cannot be used twice");
  }

  @Test
  @DisplayName("without OIDC_ISSUER single sign-on is off")
  void disabled() {
    try (TestServer plain = TestServer.create().start()) {
      assertEquals(new JsonObject().put("enabled", false).putNull("loginUrl"), plain.api().get("/api/auth/sso").json());
      assertProblem(plain.api().get("/api/auth/sso/login"), ErrorCode.SSO_NOT_CONFIGURED);
      assertProblem(plain.api().get("/api/auth/sso/callback?code=x&state=y"), ErrorCode.SSO_NOT_CONFIGURED);
    }
  }

  private static void assertRefused(String location, String auditReason) {
    assertEquals(PUBLIC_URL + "/#sso-error=" + ErrorCode.SSO_FAILED.code(), location);
    AuditEvent last = lastFailure();
    assertTrue(last.detail().contains(auditReason), last::detail);
  }

  private static AuditEvent lastFailure() {
    java.util.List<AuditEvent> failures = server.audit().events(AuditAction.LOGIN_FAILED);
    return failures.get(failures.size() - 1);
  }

  private static String browse(String url) {
    try {
      HttpResponse<String> resp = BROWSER.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(302, resp.statusCode(), resp::body);
      return resp.headers().firstValue("Location").orElseThrow();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
