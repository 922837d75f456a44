package org.consilium.security;

import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.http.Endpoint;
import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Walks the mounted endpoint catalogue, so an endpoint added later is covered without editing this test. */
class AccessControlTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.create().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<Endpoint> identityEndpoints() {
    return server.verticle().endpoints().all().stream()
        .filter(e -> e.path().startsWith("/api/users") || e.path().startsWith("/api/hospitals")
            || e.path().startsWith("/api/me") || e.path().startsWith("/api/auth"))
        .toList();
  }

  private static ApiClient.Response call(ApiClient client, Endpoint e) {
    String path = e.path().replace(":userId", "some-user").replace(":hospitalId", "some-hospital");
    String body = e.method().name().equals("GET") ? null : "{}";
    return client.send(e.method().name(), path, body, body == null ? null : "application/json");
  }

  @Test
  @DisplayName("every administrator endpoint answers 401 without a token and 403 to every other role")
  void administratorEndpoints() {
    List<Endpoint> adminOnly = identityEndpoints().stream().filter(e -> e.roles().equals(java.util.Set.of(Role.ADMINISTRATOR))).toList();
    assertTrue(adminOnly.size() >= 9, () -> "expected the user and hospital admin API, got " + adminOnly);
    for (Role role : Role.CLINICAL) {
      ApiClient clinician = server.api().token(server.tokenFor(role));
      for (Endpoint e : adminOnly) {
        assertProblem(call(server.api(), e), ErrorCode.UNAUTHENTICATED);
        assertProblem(call(clinician, e), ErrorCode.FORBIDDEN);
      }
    }
  }

  @Test
  @DisplayName("only sign-in, refresh and the SSO endpoints are public")
  void publicEndpoints() {
    List<String> open = identityEndpoints().stream().filter(Endpoint::isPublic).map(e -> e.method() + " " + e.path()).sorted().toList();
    assertTrue(open.equals(List.of("GET /api/auth/sso", "GET /api/auth/sso/callback", "GET /api/auth/sso/login",
        "POST /api/auth/login", "POST /api/auth/refresh")), open::toString);
    for (Endpoint e : identityEndpoints()) {
      if (e.isPublic()) continue;
      assertProblem(call(server.api(), e), ErrorCode.UNAUTHENTICATED);
    }
  }

  @Test
  @DisplayName("an unauthenticated POST with a large body still gets its 401, and the connection stays usable")
  void refusedBeforeTheBody() {
    String big = new JsonObject().put("displayName", "x".repeat(500_000)).encode();
    assertProblem(server.api().send("POST", "/api/users", big, "application/json"), ErrorCode.UNAUTHENTICATED);
    assertProblem(server.api().token("bad").send("POST", "/api/users", big, "application/json"), ErrorCode.TOKEN_INVALID);
    assertProblem(server.api().get("/api/me"), ErrorCode.UNAUTHENTICATED);
  }
}
