package org.consilium.emr.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.consilium.access.Role;
import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.LogCapture;
import org.consilium.testing.Problems;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Signed reports reach a flaky EMR exactly once: it fails, goes down, Consilium restarts meanwhile, the EMR
 * stores a Bundle but answers too late; in the end every Bundle is there once. A refused Bundle waits for an
 * administrator, who retries it.
 */
class EmrDeliveryTest {

  private static final String AUTHORIZATION = "Bearer emr-test-token-3f9a1c";

  @Test
  @DisplayName("through 500s, a closed port, a Consilium restart and a late answer, every report arrives exactly once")
  void flakyEmr() throws Exception {
    try (StandInEmr emr = new StandInEmr().start(); LogCapture logs = LogCapture.start(); TestServer server = configured(emr).start()) {
      emr.mode(StandInEmr.Mode.FAIL);
      for (int i = 1; i <= 3; i++) assertTrue(signed(server, "rpt-" + i, 1).getBoolean("created"));
      assertFalse(signed(server, "rpt-1", 1).getBoolean("created"), "the same signing announced again is one entry");
      assertTrue(signed(server, "rpt-1", 2).getBoolean("created"), "an amendment is a new entry");
      StandInEmr.awaitTrue(() -> emr.received().size() >= 8, "several failed attempts");
      JsonArray waiting = outbox(server, "pending");
      assertEquals(4, waiting.size(), waiting::encode);
      assertTrue(waiting.getJsonObject(0).getString("lastError").contains("database unavailable"), waiting::encode);

      emr.goDown();
      int before = emr.received().size();
      StandInEmr.awaitTrue(() -> outbox(server, "pending").stream().map(JsonObject.class::cast)
          .allMatch(e -> e.getString("lastError").startsWith("no answer")), "attempts against the closed port");
      assertTrue(signed(server, "rpt-4", 1).getBoolean("created"));
      server.restart();
      assertEquals(before, emr.received().size(), "nothing reached the closed port");
      assertEquals(5, outbox(server, "pending").size(), "nothing lost across the restart");

      emr.stallFor(2500);
      emr.mode(StandInEmr.Mode.STORE_THEN_STALL);
      emr.start();
      StandInEmr.awaitTrue(() -> emr.created().size() >= 1, "the EMR stored a Bundle whose answer comes too late");
      emr.mode(StandInEmr.Mode.ACCEPT);
      StandInEmr.awaitTrue(() -> outbox(server, "delivered").size() == 5, "all delivered");

      assertEquals(java.util.Set.of("rpt-1/v1", "rpt-1/v2", "rpt-2/v1", "rpt-3/v1", "rpt-4/v1"), emr.created());
      Thread.sleep(600);
      Map<String, Long> acknowledged = emr.received().stream().filter(StandInEmr.Received::acknowledged)
          .collect(Collectors.groupingBy(StandInEmr.Received::identifier, Collectors.counting()));
      assertEquals(Map.of("rpt-1/v1", 1L, "rpt-1/v2", 1L, "rpt-2/v1", 1L, "rpt-3/v1", 1L, "rpt-4/v1", 1L), acknowledged,
          "nothing is sent again once the EMR acknowledged it");
      assertTrue(emr.received().stream().allMatch(r -> AUTHORIZATION.equals(r.authorization())), "every attempt authenticated");
      assertTrue(emr.received().stream().allMatch(r -> r.requestId().equals("consilium-" + r.identifier().replace('/', '-'))),
          "the request id is stable per report version");
      assertFalse(logs.text().contains("emr-test-token"), "the EMR credential is never logged");
      assertTrue(server.audit().events().stream().filter(e -> e.resourceType().equals("emr-delivery") && e.outcome().name().equals("SUCCESS")
          && e.action().name().equals("EXPORT")).count() == 5, "each delivery is audited once");
    }
  }

  @Test
  @DisplayName("a Bundle the EMR refuses (400) is flagged with the EMR's reason, and an administrator's retry delivers it")
  void refusedThenRetried() {
    try (StandInEmr emr = new StandInEmr().start(); TestServer server = configured(emr).start()) {
      emr.mode(StandInEmr.Mode.REFUSE);
      signed(server, "rpt-9", 1);
      StandInEmr.awaitTrue(() -> outbox(server, "rejected").size() == 1, "flagged as rejected");
      JsonObject rejected = outbox(server, "rejected").getJsonObject(0);
      assertEquals(400, rejected.getInteger("lastStatus"));
      assertTrue(rejected.getString("lastError").contains("Patient.identifier system is not known"), rejected::encode);
      assertEquals(1, rejected.getInteger("attempts"), "a permanent refusal is not retried on its own");
      assertFalse(rejected.containsKey("bundle"), "the queue shows no clinical content");
      assertEquals(1, emr.received().size());

      ApiClient.Response denied = server.api().token(server.tokenFor(Role.SPECIALIST)).post("/api/emr/outbox/rpt-9-v1/retry", new JsonObject());
      assertEquals(403, denied.status(), denied::toString);
      Problems.assertProblem(server.admin().post("/api/emr/outbox/nope-v1/retry", new JsonObject()), ErrorCode.EMR_DELIVERY_NOT_FOUND);
      Problems.assertFieldError(server.admin().get("/api/emr/outbox?state=lost"), "/state");

      emr.mode(StandInEmr.Mode.ACCEPT);
      ApiClient.Response retried = server.admin().post("/api/emr/outbox/rpt-9-v1/retry", new JsonObject());
      assertEquals(200, retried.status(), retried::toString);
      StandInEmr.awaitTrue(() -> outbox(server, "delivered").size() == 1, "delivered after the retry");
      assertEquals(java.util.Set.of("rpt-9/v1"), emr.created());
      Problems.assertProblem(server.admin().post("/api/emr/outbox/rpt-9-v1/retry", new JsonObject()), ErrorCode.EMR_DELIVERY_NOT_RETRYABLE);
      assertTrue(server.audit().events().stream().anyMatch(e -> e.resourceType().equals("emr-delivery") && e.action().name().equals("UPDATE")
          && "rpt-9-v1".equals(e.resourceId())), "the retry is audited");
    }
  }

  @Test
  @DisplayName("a malformed announcement is refused with the field; with delivery off nobody listens")
  void badAnnouncementAndDisabled() {
    try (StandInEmr emr = new StandInEmr().start(); TestServer server = configured(emr).start()) {
      ReplyException bad = failure(server, new JsonObject().put("patientId", "p1").put("reportId", "r1").put("version", 1).put("bundle", "{}"));
      assertEquals(400, bad.failureCode());
      assertTrue(bad.getMessage().contains("transaction"), bad.getMessage());
      ReplyException noVersion = failure(server, new JsonObject().put("patientId", "p1").put("reportId", "r1").put("bundle", bundle("r1", 1)));
      assertTrue(noVersion.getMessage().contains("version"), noVersion.getMessage());
      assertEquals(0, outbox(server, null).size());
    }
    try (TestServer off = TestServer.create().start()) {
      ReplyException none = failure(off, announcement("rpt-1", 1));
      assertEquals(ReplyFailure.NO_HANDLERS, none.failureType());
      ApiClient.Response list = off.admin().get("/api/emr/outbox");
      assertEquals(200, list.status(), list::toString);
      assertFalse(list.json().getBoolean("enabled"));
    }
  }

  private static TestServer configured(StandInEmr emr) {
    return TestServer.create().with("EMR_DELIVERY_ENABLED", "true").with("EMR_FHIR_URL", emr.url())
        .with("EMR_FHIR_AUTHORIZATION", AUTHORIZATION).with("EMR_DELIVERY_TIMEOUT_MS", "1000")
        .with("EMR_DELIVERY_FIRST_RETRY_MS", "50").with("EMR_DELIVERY_MAX_RETRY_MS", "300").with("EMR_DELIVERY_POLL_MS", "100");
  }

  private static JsonObject signed(TestServer server, String reportId, int version) {
    return TestServer.await(server.vertx().eventBus().<JsonObject>request(EmrDelivery.ADDRESS, announcement(reportId, version))).body();
  }

  private static ReplyException failure(TestServer server, JsonObject body) {
    try {
      TestServer.await(server.vertx().eventBus().request(EmrDelivery.ADDRESS, body));
    } catch (ReplyException r) {
      return r;
    }
    throw new AssertionError("the announcement was accepted");
  }

  private static JsonObject announcement(String reportId, int version) {
    return new JsonObject().put("patientId", "pat-" + reportId).put("reportId", reportId).put("version", version)
        .put("bundle", bundle(reportId, version));
  }

  /** A minimal transaction Bundle with the stable identifier the EMR deduplicates on. */
  private static String bundle(String reportId, int version) {
    return new JsonObject().put("resourceType", "Bundle").put("type", "transaction")
        .put("identifier", new JsonObject().put("system", "urn:consilium:report-version").put("value", reportId + "/v" + version))
        .put("entry", new JsonArray().add(new JsonObject()
            .put("resource", new JsonObject().put("resourceType", "DiagnosticReport").put("status", "final")
                .put("code", new JsonObject().put("text", "Kết luận hội chẩn")))
            .put("request", new JsonObject().put("method", "POST").put("url", "DiagnosticReport")
                .put("ifNoneExist", "identifier=urn:consilium:report-version|" + reportId + "/v" + version)))).encode();
  }

  private static JsonArray outbox(TestServer server, String state) {
    ApiClient.Response r = server.admin().get("/api/emr/outbox" + (state == null ? "" : "?state=" + state));
    assertEquals(200, r.status(), r::toString);
    return r.json().getJsonArray("items");
  }
}
