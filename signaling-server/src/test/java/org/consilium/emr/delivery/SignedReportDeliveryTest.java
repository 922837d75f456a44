package org.consilium.emr.delivery;

import static org.consilium.testdata.Consultation.expect;
import static org.consilium.testdata.PatientData.aPatient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.testdata.Consultation;
import org.consilium.testdata.Staff;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The whole path of issue 7's "done when": the chair signs the conclusion over the API, the transaction Bundle
 * goes into the outbox, and a hospital EMR that first fails and then goes down receives it exactly once.
 */
class SignedReportDeliveryTest {

  @Test
  @DisplayName("a report signed over the API reaches a flaky EMR exactly once, as the FHIR Bundle of the record")
  void signedReportArrivesOnce() {
    try (StandInEmr emr = new StandInEmr().start();
         TestServer server = TestServer.create().with("EMR_DELIVERY_ENABLED", "true").with("EMR_FHIR_URL", emr.url())
             .with("EMR_DELIVERY_TIMEOUT_MS", "1000").with("EMR_DELIVERY_FIRST_RETRY_MS", "50")
             .with("EMR_DELIVERY_MAX_RETRY_MS", "300").with("EMR_DELIVERY_POLL_MS", "100").start()) {
      Staff doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
      String centralId = Staff.newHospital(server, "Bệnh viện Chợ Rẫy");
      Staff chair = Staff.in(server, centralId, Role.SPECIALIST);
      Staff member = Staff.in(server, centralId, Role.SPECIALIST);
      Staff admin = Staff.in(server, centralId, Role.ADMINISTRATOR);
      String patientId = aPatient().named("Phạm Thị Lan").born(1958, 2, 14).sex("female").create(doctor.api()).getString("id");
      String requestId = Consultation.withSignedMinutes(doctor.api(), chair.api(), member.userId(), chair.userId(), admin.api(),
          patientId, centralId);

      emr.mode(StandInEmr.Mode.FAIL);
      JsonObject signed = expect(chair.api().post("/api/consultations/" + requestId + "/reports", null), 201);
      assertEquals("queued", signed.getJsonObject("delivery").getString("status"), signed::encode);
      StandInEmr.awaitTrue(() -> emr.received().size() >= 2, "the EMR failing twice");
      emr.goDown();
      StandInEmr.awaitTrue(() -> outbox(server).getJsonObject(0).getString("lastError", "").startsWith("no answer"), "an attempt at the closed port");
      emr.mode(StandInEmr.Mode.ACCEPT);
      emr.start();
      StandInEmr.awaitTrue(() -> "delivered".equals(outbox(server).getJsonObject(0).getString("state")), "delivered once the EMR is back");

      List<StandInEmr.Received> acknowledged = emr.received().stream().filter(StandInEmr.Received::acknowledged).toList();
      assertEquals(1, acknowledged.size(), "acknowledged once, never sent again");
      assertEquals(1, emr.created().size());
      JsonObject bundle = new JsonObject(emr.lastBody());
      assertEquals("transaction", bundle.getString("type"));
      JsonArray entries = bundle.getJsonArray("entry");
      assertTrue(entries.stream().map(JsonObject.class::cast).anyMatch(e -> "DiagnosticReport".equals(
          e.getJsonObject("resource").getString("resourceType")) && "PUT".equals(e.getJsonObject("request").getString("method"))),
          "the signed conclusion travels as a PUT to its stable id");
      assertTrue(entries.stream().map(JsonObject.class::cast).anyMatch(e -> "Provenance".equals(
          e.getJsonObject("resource").getString("resourceType")) && e.getJsonObject("resource").containsKey("signature")),
          "with its signature");
    }
  }

  private static JsonArray outbox(TestServer server) {
    return expect(server.admin().get("/api/emr/outbox"), 200).getJsonArray("items");
  }

}
