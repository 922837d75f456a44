package org.consilium.server;

import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthTest {

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
  @DisplayName("/health answers UP and /ready answers READY while the store is reachable")
  void probes() {
    ApiClient.Response health = server.api().get("/health");
    assertEquals(200, health.status());
    assertEquals("UP", health.json().getString("status"));
    ApiClient.Response ready = server.api().get("/ready");
    assertEquals(200, ready.status());
    assertEquals("READY", ready.json().getString("status"));
  }

  @Test
  @DisplayName("/ready answers 503 once the store is gone")
  void notReadyWithoutStore() {
    TestServer other = TestServer.create().start();
    try {
      TestServer.await(other.verticle().store().close());
      assertProblem(other.api().get("/ready"), ErrorCode.NOT_READY);
    } finally {
      other.close();
    }
  }

  @Test
  @DisplayName("every response carries a request id, and a caller's well-formed id is echoed")
  void requestIds() {
    assertNotNull(server.api().get("/health").header("X-Request-Id"));
    assertEquals("trace-abc-12345", server.api().header("X-Request-Id", "trace-abc-12345").get("/health").header("X-Request-Id"));
    String forged = server.api().header("X-Request-Id", "bad id\" with quotes").get("/health").header("X-Request-Id");
    assertNotNull(forged);
    org.junit.jupiter.api.Assertions.assertNotEquals("bad id\" with quotes", forged);
  }

  @Test
  @DisplayName("unknown API paths are problem+json 404s; app paths get the web app")
  void unknownPaths() {
    assertProblem(server.api().get("/api/does-not-exist"), ErrorCode.NOT_FOUND);
    ApiClient.Response app = server.api().get("/patients/some-deep-link");
    assertEquals(200, app.status());
    org.junit.jupiter.api.Assertions.assertTrue(app.body().contains("<div id=\"root\">"));
  }
}
