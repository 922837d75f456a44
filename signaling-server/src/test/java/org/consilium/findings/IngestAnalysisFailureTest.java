package org.consilium.findings;

import static org.consilium.testdata.PatientData.aPatient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consilium.access.Role;
import org.consilium.testdata.DicomSamples;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.LogCapture;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Analysis on ingest that cannot run (no model) leaves the ingest alone and logs the failure without patient data. */
class IngestAnalysisFailureTest {

  @Test
  void aFailedAnalysisOnIngestDoesNotTouchTheStoredImageAndLogsNoPatientData() throws Exception {
    Path noModels = Files.createTempDirectory("no-models");
    try (TestServer server = TestServer.create().with("AI_MODELS_DIR", noModels.toString()).with("AI_ANALYSE_ON_INGEST", "true").start()) {
      Staff endoscopist = Staff.in(server, server.testHospitalId(), Role.ENDOSCOPIST);
      String name = "Quách Thị Nội Soiyx";
      JsonObject patient = aPatient().named(name).born(1949, 8, 17).sex("female").create(endoscopist.api());
      String log;
      try (LogCapture capture = LogCapture.start()) {
        ApiClient.BinaryResponse r = endoscopist.api().sendBytes("POST", "/api/patients/" + patient.getString("id") + "/imaging/captures",
            DicomSamples.syntheticCapture(320, 240), "image/jpeg", null);
        assertEquals(201, r.status(), r::toString);
        long deadline = System.currentTimeMillis() + 20_000;
        while (!capture.text().contains("could not be analysed") && System.currentTimeMillis() < deadline) Thread.sleep(100);
        log = capture.text();
      }
      assertTrue(log.contains("An ingested endoscopy instance could not be analysed") && log.contains("CNS-5001"), log);
      for (String secret : new String[] {name, "Quách", patient.getString("citizenId"), "19490817"}) {
        assertFalse(log.contains(secret), () -> "'" + secret + "' appears in the log:\n" + log);
      }
      ApiClient.Response analyses = endoscopist.api().get("/api/patients/" + patient.getString("id") + "/lesion-analyses");
      assertEquals(0, analyses.json().getJsonArray("items").size());
    }
  }
}
